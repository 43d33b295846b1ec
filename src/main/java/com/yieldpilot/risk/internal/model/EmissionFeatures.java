package com.yieldpilot.risk.internal.model;

import static com.yieldpilot.risk.internal.model.FeatureBuilder.set;

/**
 * How a pool's APY splits into reward emissions and base yield over time, from its data
 * up to day t (decision record 0011, eighth round): an emission that is being cut, that
 * swings, or that started recently is what most often takes a pool's APY below 0.8 × its
 * last week.
 */
final class EmissionFeatures {

	/** The reward share above which a pool counts as paying rewards. */
	private static final double PAYING = 0.1;

	/** The longest emission run counted: older runs are all "long-running". */
	private static final int RUN_CAP = 90;

	private EmissionFeatures() {
	}

	static void fill(PoolHistory h, long t, float[] x) {
		// each part's weekly change as a share of last week's APY: the two add up to the
		// APY's own change, so the trees see which part moved
		double apyBefore = Math.max(OwnHistoryFeatures.Stats.apy(h, t - 7, 7).mean(), 0.01);
		set(x, Feature.REWARD_CHANGE_7D, (mean(h, t, true) - mean(h, t - 7, true)) / apyBefore);
		set(x, Feature.BASE_APY_CHANGE_7D, (mean(h, t, false) - mean(h, t - 7, false)) / apyBefore);
		set(x, Feature.REWARD_LOG_VOLATILITY_30D, logVolatility(h, t));
		set(x, Feature.REWARD_RUN_DAYS, run(h, t));
	}

	/**
	 * The reward APY of a day: {@code apyReward}, else what the base leaves of the APY.
	 */
	static double reward(PoolHistory h, long d) {
		double reward = h.apyReward(d);
		if (!Double.isNaN(reward)) {
			return reward;
		}
		double apy = h.apy(d);
		double base = h.apyBase(d);
		return (Double.isNaN(apy) || Double.isNaN(base)) ? Double.NaN : Math.max(0, apy - base);
	}

	/** The base APY of a day: {@code apyBase}, else what the reward leaves of the APY. */
	static double base(PoolHistory h, long d) {
		double base = h.apyBase(d);
		if (!Double.isNaN(base)) {
			return base;
		}
		double apy = h.apy(d);
		double reward = h.apyReward(d);
		return (Double.isNaN(apy) || Double.isNaN(reward)) ? Double.NaN : Math.max(0, apy - reward);
	}

	private static double mean(PoolHistory h, long t, boolean reward) {
		double sum = 0;
		int count = 0;
		for (long d = t - 6; d <= t; d++) {
			double v = reward ? reward(h, d) : base(h, d);
			if (!Double.isNaN(v)) {
				sum += v;
				count++;
			}
		}
		return (count == 0) ? Double.NaN : sum / count;
	}

	/** Standard deviation of the daily change of the log reward APY over 30 days. */
	private static double logVolatility(PoolHistory h, long t) {
		double sum = 0;
		double sumSq = 0;
		int count = 0;
		for (long d = t - 29; d <= t; d++) {
			double a = reward(h, d);
			double b = reward(h, d - 1);
			if (a > 0 && b > 0) {
				double change = Math.log(a / b);
				sum += change;
				sumSq += change * change;
				count++;
			}
		}
		return (count >= 3) ? Math.sqrt(Math.max(0, sumSq / count - (sum / count) * (sum / count))) : Double.NaN;
	}

	/**
	 * Days since the reward share last rose above {@link #PAYING} (0 when it is not above
	 * it today, at most {@link #RUN_CAP}); days without data do not end a run.
	 */
	private static double run(PoolHistory h, long t) {
		double today = share(h, t);
		if (Double.isNaN(today) || today <= PAYING) {
			return Double.isNaN(today) ? Double.NaN : 0;
		}
		long d = t - 1;
		while (d >= h.firstDay() && t - d < RUN_CAP) {
			double share = share(h, d);
			if (!Double.isNaN(share) && share <= PAYING) {
				break;
			}
			d--;
		}
		return Math.min(RUN_CAP, t - d);
	}

	private static double share(PoolHistory h, long d) {
		double apy = h.apy(d);
		double reward = reward(h, d);
		return (apy > 1e-9 && !Double.isNaN(reward)) ? Math.min(1, reward / apy) : Double.NaN;
	}

}
