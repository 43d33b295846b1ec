package com.yieldpilot.risk.internal.model;

import static com.yieldpilot.risk.internal.model.FeatureBuilder.ratio;
import static com.yieldpilot.risk.internal.model.FeatureBuilder.set;

/**
 * The features one pool's own history gives on day t (APY level, means, volatility and
 * trend; reward share; TVL level, flows and drawdown; history and coverage; outlier
 * flags), from its values up to t only. {@link FeatureBuilder} adds its outcomes,
 * incidents and the cross-section.
 */
final class OwnHistoryFeatures {

	private OwnHistoryFeatures() {
	}

	/** The pool's own APY, reward and TVL features from its data up to day t. */
	static void fill(PoolHistory h, long t, float[] x) {
		double apy = h.apy(t);
		Stats apy7 = Stats.apy(h, t, 7);
		Stats apy30 = Stats.apy(h, t, 30);
		Stats apyPrevious7 = Stats.apy(h, t - 7, 7);
		set(x, Feature.APY, apy);
		set(x, Feature.APY_MEAN_7D, apy7.mean());
		set(x, Feature.APY_MEAN_30D, apy30.mean());
		set(x, Feature.APY_VOLATILITY_7D, apy7.std());
		set(x, Feature.APY_VOLATILITY_30D, apy30.std());
		set(x, Feature.APY_VARIATION_30D, apy30.std() / Math.max(Math.abs(apy30.mean()), 0.01));
		set(x, Feature.APY_TREND, ratio(apy7.mean(), apy30.mean()));
		set(x, Feature.APY_CHANGE_7D, ratio(apy7.mean(), apyPrevious7.mean()));
		set(x, Feature.APY_VS_MEDIAN_90D, ratio(apy7.mean(), Stats.apyMedian(h, t, 90)));
		set(x, Feature.APY_SPIKE, ratio(apy, apy7.mean()));
		set(x, Feature.APY_PEAK_30D, ratio(apy30.max(), apy7.mean()));
		set(x, Feature.APY_LOG_VOLATILITY_7D, logVolatility(h, t, 7));
		set(x, Feature.APY_LOG_VOLATILITY_30D, logVolatility(h, t, 30));
		set(x, Feature.APY_VS_MEAN_90D, ratio(apy7.mean(), Stats.apy(h, t, 90).mean()));
		set(x, Feature.APY_HELD_28D, ratio(Stats.apy(h, t, 28).mean(), Stats.apy(h, t - 28, 7).mean()));
		set(x, Feature.APY_DROP_FREQUENCY, dropFrequency(h, t));
		double share = rewardShare(h, t);
		double shareSum = 0;
		int shareCount = 0;
		for (long d = t - 29; d <= t; d++) {
			double s = rewardShare(h, d);
			if (!Double.isNaN(s)) {
				shareSum += s;
				shareCount++;
			}
		}
		double share30 = (shareCount == 0) ? Double.NaN : shareSum / shareCount;
		set(x, Feature.REWARD_SHARE, share);
		set(x, Feature.REWARD_SHARE_30D, share30);
		set(x, Feature.REWARD_SHARE_CHANGE, share - share30);
		set(x, Feature.BASE_APY_MEAN_7D, Stats.base(h, t, 7).mean());

		double tvl = h.tvl(t);
		set(x, Feature.TVL, (tvl >= 0) ? Math.log10(tvl + 1) : Double.NaN);
		set(x, Feature.TVL_CHANGE_1D, logChange(tvl, h.tvl(t - 1)));
		set(x, Feature.TVL_CHANGE_7D, logChange(tvl, tvlAtOrBefore(h, t - 7, 3)));
		set(x, Feature.TVL_CHANGE_30D, logChange(tvl, tvlAtOrBefore(h, t - 30, 7)));
		double max90 = Double.NaN;
		for (long d = t - 89; d <= t; d++) {
			double v = h.tvl(d);
			if (!Double.isNaN(v) && (Double.isNaN(max90) || v > max90)) {
				max90 = v;
			}
		}
		set(x, Feature.TVL_DRAWDOWN_90D, (max90 > 0 && tvl >= 0) ? tvl / max90 - 1 : Double.NaN);
		double sum = 0;
		double sumSq = 0;
		double worst = Double.NaN;
		int count = 0;
		int inflows = 0;
		int flows14 = 0;
		for (long d = t - 29; d <= t; d++) {
			double change = logChange(h.tvl(d), h.tvl(d - 1));
			if (Double.isNaN(change)) {
				continue;
			}
			sum += change;
			sumSq += change * change;
			count++;
			worst = Double.isNaN(worst) ? change : Math.min(worst, change);
			if (d > t - 14) {
				flows14++;
				inflows += (change > 0) ? 1 : 0;
			}
		}
		set(x, Feature.TVL_VOLATILITY_30D,
				(count >= 3) ? Math.sqrt(Math.max(0, sumSq / count - (sum / count) * (sum / count))) : Double.NaN);
		set(x, Feature.TVL_WORST_DAY_30D, worst);
		set(x, Feature.TVL_VOLATILITY_7D, tvlVolatility(h, t, 7));
		set(x, Feature.TVL_INFLOW_DAYS_14D, (flows14 > 0) ? (double) inflows / flows14 : Double.NaN);
		set(x, Feature.TVL_FLOW_ACCELERATION,
				x[Feature.TVL_CHANGE_7D.ordinal()] - x[Feature.TVL_CHANGE_30D.ordinal()] * 7.0 / 30.0);

		set(x, Feature.DAYS_OF_HISTORY, t - h.firstDay());
		int observed = 0;
		for (long d = t - 29; d <= t; d++) {
			observed += h.observed(d) ? 1 : 0;
		}
		set(x, Feature.COVERAGE_30D, observed / 30.0);
		set(x, Feature.APY_ZSCORE_30D,
				(apy30.std() > 1e-9) ? (apy - apy30.mean()) / apy30.std() : (apy30.count() > 1 ? 0 : Double.NaN));
		set(x, Feature.APY_OUTLIER, Double.isNaN(apy) ? Double.NaN : (apy > 100 ? 1 : 0));
	}

	/** Standard deviation of the daily change of log APY over the window. */
	private static double logVolatility(PoolHistory h, long t, int days) {
		double sum = 0;
		double sumSq = 0;
		int count = 0;
		for (long d = t - days + 1; d <= t; d++) {
			double a = h.apy(d);
			double b = h.apy(d - 1);
			if (a > 0 && b > 0) {
				double change = Math.log(a / b);
				sum += change;
				sumSq += change * change;
				count++;
			}
		}
		return (count >= 3) ? Math.sqrt(Math.max(0, sumSq / count - (sum / count) * (sum / count))) : Double.NaN;
	}

	private static double tvlVolatility(PoolHistory h, long t, int days) {
		double sum = 0;
		double sumSq = 0;
		int count = 0;
		for (long d = t - days + 1; d <= t; d++) {
			double change = logChange(h.tvl(d), h.tvl(d - 1));
			if (!Double.isNaN(change)) {
				sum += change;
				sumSq += change * change;
				count++;
			}
		}
		return (count >= 3) ? Math.sqrt(Math.max(0, sumSq / count - (sum / count) * (sum / count))) : Double.NaN;
	}

	/**
	 * A short analogue of the adverse event that is already known on day t: among the
	 * days s of the last three weeks whose following week has passed, the share where the
	 * mean APY of that week fell below 0.8 × the mean of the 7 days up to s.
	 */
	private static double dropFrequency(PoolHistory h, long t) {
		int drops = 0;
		int count = 0;
		for (long s = t - 27; s <= t - 7; s++) {
			double before = Stats.apy(h, s, 7).mean();
			double after = Stats.apy(h, s + 7, 7).mean();
			if (before > 0 && !Double.isNaN(after)) {
				count++;
				drops += (after < Outcome.APY_HOLD * before) ? 1 : 0;
			}
		}
		return (count >= 5) ? (double) drops / count : Double.NaN;
	}

	private static double rewardShare(PoolHistory h, long d) {
		double apy = h.apy(d);
		if (Double.isNaN(apy) || apy <= 1e-9) {
			return Double.NaN;
		}
		double reward = h.apyReward(d);
		if (Double.isNaN(reward)) {
			double base = h.apyBase(d);
			reward = Double.isNaN(base) ? Double.NaN : Math.max(0, apy - base);
		}
		return Double.isNaN(reward) ? Double.NaN : Math.min(1, Math.max(0, reward / apy));
	}

	private static double tvlAtOrBefore(PoolHistory h, long day, int tolerance) {
		for (long d = day; d > day - tolerance; d--) {
			double v = h.tvl(d);
			if (!Double.isNaN(v)) {
				return v;
			}
		}
		return Double.NaN;
	}

	private static double logChange(double now, double before) {
		return (now > 0 && before > 0) ? Math.log(now / before) : Double.NaN;
	}

	/** Running statistics of a window of a pool's values. */
	record Stats(double mean, double std, double max, int count) {

		static Stats apy(PoolHistory h, long t, int days) {
			return of(h, t, days, false);
		}

		static Stats base(PoolHistory h, long t, int days) {
			return of(h, t, days, true);
		}

		private static Stats of(PoolHistory h, long t, int days, boolean base) {
			double sum = 0;
			double sumSq = 0;
			double max = Double.NaN;
			int count = 0;
			for (long d = t - days + 1; d <= t; d++) {
				double v = base ? h.apyBase(d) : h.apy(d);
				if (Double.isNaN(v)) {
					continue;
				}
				sum += v;
				sumSq += v * v;
				count++;
				max = Double.isNaN(max) ? v : Math.max(max, v);
			}
			if (count == 0) {
				return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
			}
			double mean = sum / count;
			double std = (count > 1) ? Math.sqrt(Math.max(0, sumSq / count - mean * mean)) : Double.NaN;
			return new Stats(mean, std, max, count);
		}

		static double apyMedian(PoolHistory h, long t, int days) {
			float[] values = new float[days];
			for (int i = 0; i < days; i++) {
				values[i] = (float) h.apy(t - i);
			}
			return CrossSection.median(values);
		}

	}

}
