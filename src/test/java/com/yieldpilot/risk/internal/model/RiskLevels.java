package com.yieldpilot.risk.internal.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fifth-round level variants of the tuning harness ({@code -Dlevels=true} of
 * {@link RiskTuning}, with {@code -Dlevel=0}): the walk-forward's calibrated scores
 * without a level, moved afterwards by each variant's level, fitted on the same
 * calibration slice each month's model used. The level is applied after calibration and
 * the trees never see the early rate, so this gives what the model with that level would
 * score (the market-wide variant reproduces the fourth round's figures). Decision record
 * 0011, fifth round.
 * <ul>
 * <li>{@code market}: the fourth round's market-wide level; {@code market-7d},
 * {@code market-14d}: its rate averaged over the last 7 or 14 days; {@code rows-min<k>}:
 * the rate over the scored rows' pools only, counting a partial window from k observed
 * days (7 as the model does; more: fewer, fuller windows).</li>
 * <li>{@code seg-<column>}: the early rate within the pool's tercile of the day's
 * cross-section by that column (30-day APY volatility, 7-day APY, TVL, 30-day log-APY
 * volatility), shrunk towards the market's rate by {@code -Dprior} (200) pool-days,
 * against its mean over the slice's rows of the same tercile.</li>
 * <li>{@code halves}, {@code halves-half}: the market's early rate of each half of the
 * outcome (APY, TVL), each logit against its slice mean, weights 1:1 or 0.5:0.5;
 * {@code apy-half}, {@code tvl-half}: one half's alone; {@code halves-fit},
 * {@code market-fit}: the weights fitted on the slice by a logistic regression with the
 * calibrated log-odds as offset.</li>
 * </ul>
 */
final class RiskLevels {

	private RiskLevels() {
	}

	/** Each variant's scores of the scored rows, in their order. */
	static Map<String, double[]> variants(FeatureTable table, List<WalkForward.ScoredRow> scored,
			Map<Long, RiskModel> models, Hyperparameters hp) {
		Early early = Early.of(table, Outcome.MIN_FUTURE_DAYS);
		double prior = Double.parseDouble(System.getProperty("prior", "200"));
		double[] market = new double[table.size()];
		for (int r = 0; r < table.size(); r++) {
			market[r] = table.feature(r, Feature.MARKET_EARLY_ADVERSE_RATE);
		}
		Map<String, int[]> segments = new LinkedHashMap<>();
		segments.put("vol30", terciles(table, Feature.APY_VOLATILITY_30D));
		segments.put("apy7", terciles(table, Feature.APY_MEAN_7D));
		segments.put("tvl", terciles(table, Feature.TVL));
		segments.put("logvol30", terciles(table, Feature.APY_LOG_VOLATILITY_30D));
		Map<String, double[]> segmentRates = new LinkedHashMap<>();
		segments.forEach((name, seg) -> segmentRates.put(name, segmentRate(table, early, seg, market, prior)));
		double[] apyRate = marketRate(table, early.apyAdverse, early.apyKnown);
		double[] tvlRate = marketRate(table, early.tvlAdverse, early.tvlKnown);

		Map<Long, List<Integer>> slices = new HashMap<>();
		for (WalkForward.ScoredRow row : scored) {
			slices.computeIfAbsent(row.modelAsOf(), asOf -> slice(table, asOf, hp));
		}
		Map<String, double[]> out = new LinkedHashMap<>();
		double[] base = scored.stream().mapToDouble(WalkForward.ScoredRow::score).toArray();
		out.put("none", base);
		out.put("market", shifted(scored, slices, base, (asOf, slice) -> {
			double ref = logit(mean(market, slice, null, -1));
			return (r) -> logit(market[r]) - ref;
		}));
		segments.forEach((name, seg) -> {
			double[] rate = segmentRates.get(name);
			out.put("seg-" + name, shifted(scored, slices, base, (asOf, slice) -> {
				double[] ref = new double[3];
				for (int s = 0; s < 3; s++) {
					ref[s] = logit(mean(rate, slice, seg, s));
				}
				double marketRef = logit(mean(market, slice, null, -1));
				return (r) -> (seg[r] < 0) ? logit(market[r]) - marketRef
						: logit(Double.isNaN(rate[r]) ? market[r] : rate[r]) - ref[seg[r]];
			}));
		});
		for (double weight : new double[] { 1, 0.5 }) {
			out.put((weight == 1) ? "halves" : "halves-half", shifted(scored, slices, base, (asOf, slice) -> {
				double refA = logit(mean(apyRate, slice, null, -1));
				double refT = logit(mean(tvlRate, slice, null, -1));
				return (r) -> weight * (logit(apyRate[r]) - refA + logit(tvlRate[r]) - refT);
			}));
		}
		for (int days : new int[] { 7, 14 }) {
			double[] smooth = smoothed(table, market, days);
			out.put("market-" + days + "d", shifted(scored, slices, base, (asOf, slice) -> {
				double ref = logit(mean(smooth, slice, null, -1));
				return (r) -> logit(smooth[r]) - ref;
			}));
		}
		out.put("market-fit", shifted(scored, slices, base, (asOf, slice) -> {
			double ref = logit(mean(market, slice, null, -1));
			double[] w = fit(table, models.get(asOf), slice, List.of((r) -> logit(market[r]) - ref));
			return (r) -> w[0] * (logit(market[r]) - ref);
		}));
		out.put("halves-fit", shifted(scored, slices, base, (asOf, slice) -> {
			double refA = logit(mean(apyRate, slice, null, -1));
			double refT = logit(mean(tvlRate, slice, null, -1));
			double[] w = fit(table, models.get(asOf), slice,
					List.of((r) -> logit(apyRate[r]) - refA, (r) -> logit(tvlRate[r]) - refT));
			return (r) -> w[0] * (logit(apyRate[r]) - refA) + w[1] * (logit(tvlRate[r]) - refT);
		}));
		for (int minObserved : new int[] { Outcome.MIN_FUTURE_DAYS, 10, 14, 21 }) {
			Early counted = (minObserved == Outcome.MIN_FUTURE_DAYS) ? early : Early.of(table, minObserved);
			double[] rate = marketRate(table, counted.adverse, counted.known);
			out.put("rows-min" + minObserved, shifted(scored, slices, base, (asOf, slice) -> {
				double ref = logit(mean(rate, slice, null, -1));
				return (r) -> logit(rate[r]) - ref;
			}));
		}
		out.put("apy-half", shifted(scored, slices, base, (asOf, slice) -> {
			double ref = logit(mean(apyRate, slice, null, -1));
			return (r) -> logit(apyRate[r]) - ref;
		}));
		out.put("tvl-half", shifted(scored, slices, base, (asOf, slice) -> {
			double ref = logit(mean(tvlRate, slice, null, -1));
			return (r) -> logit(tvlRate[r]) - ref;
		}));
		return out;
	}

	/**
	 * Weights of the shifts by a logistic regression of the slice's outcomes with the
	 * calibrated log-odds (no level) as offset, Newton's method from 0, clamped to [0,
	 * 2].
	 */
	private static double[] fit(FeatureTable table, RiskModel model, List<Integer> slice, List<Shift> shifts) {
		float[] rows = new float[slice.size() * Feature.COUNT];
		for (int i = 0; i < slice.size(); i++) {
			System.arraycopy(table.features(), slice.get(i) * Feature.COUNT, rows, i * Feature.COUNT, Feature.COUNT);
		}
		double[] p0 = model.score(rows, slice.size());
		int k = shifts.size();
		double[][] x = new double[slice.size()][k];
		for (int i = 0; i < slice.size(); i++) {
			for (int j = 0; j < k; j++) {
				double v = shifts.get(j).of(slice.get(i));
				x[i][j] = Double.isNaN(v) ? 0 : v;
			}
		}
		double[] w = new double[k];
		for (int iteration = 0; iteration < 25; iteration++) {
			double[] gradient = new double[k];
			double[][] hessian = new double[k][k];
			for (int i = 0; i < slice.size(); i++) {
				double eta = LinearFloor.logit(p0[i]);
				for (int j = 0; j < k; j++) {
					eta += w[j] * x[i][j];
				}
				double p = LinearFloor.sigmoid(eta);
				double y = table.outcome(slice.get(i));
				for (int j = 0; j < k; j++) {
					gradient[j] += (y - p) * x[i][j];
					for (int l = 0; l < k; l++) {
						hessian[j][l] += p * (1 - p) * x[i][j] * x[i][l];
					}
				}
			}
			double[] step = (k == 1) ? new double[] { gradient[0] / hessian[0][0] } : solve2(hessian, gradient);
			for (int j = 0; j < k; j++) {
				w[j] += step[j];
			}
		}
		for (int j = 0; j < k; j++) {
			w[j] = Double.isFinite(w[j]) ? Math.max(0, Math.min(2, w[j])) : 0;
		}
		System.out.printf(Locale.ROOT, "    fit on the slice ending %s: %s%n",
				LocalDate.ofEpochDay(table.day(slice.get(slice.size() - 1))), Arrays.toString(w));
		return w;
	}

	private static double[] solve2(double[][] a, double[] b) {
		double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
		return new double[] { (b[0] * a[1][1] - a[0][1] * b[1]) / det, (a[0][0] * b[1] - a[1][0] * b[0]) / det };
	}

	/** Each row's day's value averaged over the known days of the last {@code days}. */
	private static double[] smoothed(FeatureTable table, double[] perDay, int days) {
		Map<Long, Double> byDay = new HashMap<>();
		for (int r = 0; r < table.size(); r++) {
			if (!Double.isNaN(perDay[r])) {
				byDay.put(table.day(r), perDay[r]);
			}
		}
		double[] out = new double[table.size()];
		for (int r = 0; r < table.size(); r++) {
			double sum = 0;
			int n = 0;
			for (long d = table.day(r) - days + 1; d <= table.day(r); d++) {
				Double v = byDay.get(d);
				if (v != null) {
					sum += v;
					n++;
				}
			}
			out[r] = (n == 0) ? Double.NaN : sum / n;
		}
		return out;
	}

	private interface Shift {

		double of(int row);

	}

	private interface ShiftFit {

		Shift fit(long asOf, List<Integer> slice);

	}

	private static double[] shifted(List<WalkForward.ScoredRow> scored, Map<Long, List<Integer>> slices, double[] base,
			ShiftFit fit) {
		Map<Long, Shift> shifts = new HashMap<>();
		double[] out = new double[base.length];
		for (int i = 0; i < base.length; i++) {
			WalkForward.ScoredRow row = scored.get(i);
			Shift shift = shifts.computeIfAbsent(row.modelAsOf(), (asOf) -> fit.fit(asOf, slices.get(asOf)));
			double s = shift.of(row.row());
			out[i] = (Double.isNaN(s) || s == 0) ? base[i] : LinearFloor.sigmoid(LinearFloor.logit(base[i]) + s);
		}
		return out;
	}

	private static List<Integer> slice(FeatureTable table, long asOf, Hyperparameters hp) {
		long calibrateFrom = asOf - Outcome.HORIZON_DAYS - hp.calibrationDays() + 1;
		List<Integer> slice = new ArrayList<>();
		for (int r = 0; r < table.size(); r++) {
			if (table.maturedBy(r, asOf) && table.day(r) >= calibrateFrom) {
				slice.add(r);
			}
		}
		return slice;
	}

	private static double mean(double[] values, List<Integer> rows, int[] segment, int s) {
		double sum = 0;
		int n = 0;
		for (int r : rows) {
			if ((segment == null || segment[r] == s) && !Double.isNaN(values[r])) {
				sum += values[r];
				n++;
			}
		}
		return (n == 0) ? Double.NaN : sum / n;
	}

	static double logit(double rate) {
		double p = Math.min(1 - MarketLevel.CLAMP, Math.max(MarketLevel.CLAMP, rate));
		return Math.log(p / (1 - p));
	}

	/** Each row's tercile of the day's known values of the feature, -1 when unknown. */
	private static int[] terciles(FeatureTable table, Feature feature) {
		int[] out = new int[table.size()];
		forEachDay(table, (from, to) -> {
			List<Float> known = new ArrayList<>();
			for (int r = from; r < to; r++) {
				float v = table.feature(r, feature);
				if (!Float.isNaN(v)) {
					known.add(v);
				}
			}
			float[] sorted = new float[known.size()];
			for (int i = 0; i < sorted.length; i++) {
				sorted[i] = known.get(i);
			}
			for (int r = from; r < to; r++) {
				out[r] = -1;
				float v = table.feature(r, feature);
				if (!Float.isNaN(v) && sorted.length > 1) {
					double rank = CrossSection.rank(sorted, v);
					out[r] = Math.min(2, (int) (rank * 3));
				}
			}
		});
		return out;
	}

	private static double[] segmentRate(FeatureTable table, Early early, int[] segment, double[] market, double prior) {
		double[] out = new double[table.size()];
		forEachDay(table, (from, to) -> {
			int[] adverse = new int[3];
			int[] known = new int[3];
			for (int r = from; r < to; r++) {
				if (segment[r] >= 0) {
					adverse[segment[r]] += early.adverse[r];
					known[segment[r]] += early.known[r];
				}
			}
			for (int r = from; r < to; r++) {
				int s = segment[r];
				out[r] = (s < 0 || Double.isNaN(market[r])) ? Double.NaN
						: (adverse[s] + prior * market[r]) / (known[s] + prior);
			}
		});
		return out;
	}

	private static double[] marketRate(FeatureTable table, int[] adverse, int[] known) {
		double[] out = new double[table.size()];
		forEachDay(table, (from, to) -> {
			long a = 0;
			long k = 0;
			for (int r = from; r < to; r++) {
				a += adverse[r];
				k += known[r];
			}
			for (int r = from; r < to; r++) {
				out[r] = (k == 0) ? Double.NaN : (double) a / k;
			}
		});
		return out;
	}

	private interface DayRange {

		void accept(int from, int to);

	}

	/** The table's rows are sorted by day, then pool. */
	private static void forEachDay(FeatureTable table, DayRange action) {
		int start = 0;
		while (start < table.size()) {
			int end = start;
			while (end < table.size() && table.day(end) == table.day(start)) {
				end++;
			}
			action.accept(start, end);
			start = end;
		}
	}

	/** Each row's pool's early counts at the row's day, whole and per half. */
	private record Early(int[] adverse, int[] known, int[] apyAdverse, int[] apyKnown, int[] tvlAdverse,
			int[] tvlKnown) {

		static Early of(FeatureTable table, int minObserved) {
			int n = table.size();
			Early e = new Early(new int[n], new int[n], new int[n], new int[n], new int[n], new int[n]);
			Map<Integer, int[][]> byPool = new HashMap<>();
			for (int r = 0; r < n; r++) {
				int pool = table.pool(r);
				PoolHistory h = table.history(r);
				int[][] counts = byPool.computeIfAbsent(pool, p -> count(h, minObserved));
				int i = (int) (table.day(r) - h.firstDay());
				for (int c = 0; c < 6; c++) {
					e.array(c)[r] = counts[c][i];
				}
			}
			return e;
		}

		int[] array(int c) {
			return switch (c) {
				case 0 -> this.adverse;
				case 1 -> this.known;
				case 2 -> this.apyAdverse;
				case 3 -> this.apyKnown;
				case 4 -> this.tvlAdverse;
				default -> this.tvlKnown;
			};
		}

		/**
		 * {@link Outcome#early} for every day, whole and per half, counting partial
		 * windows from {@code minObserved} observed days.
		 */
		private static int[][] count(PoolHistory history, int minObserved) {
			long first = history.firstDay();
			long last = history.lastDay();
			int[][] out = new int[6][(int) (last - first + 1)];
			for (long s = first; s <= last; s++) {
				if (!history.observed(s)) {
					continue;
				}
				double apyNow = Outcome.mean(history, s - 6, s, true);
				double tvlNow = history.tvl(s);
				Outcome.Horizon horizon = new Outcome.Horizon();
				for (long t = s + 1; t < s + Outcome.HORIZON_DAYS && t <= last; t++) {
					horizon.add(history, t);
					if (horizon.observed < minObserved) {
						continue;
					}
					double apyLeg = horizon.apyLeg(apyNow);
					double tvlLeg = horizon.tvlLeg(tvlNow);
					boolean apyKnown = !Double.isNaN(apyLeg);
					boolean tvlKnown = !Double.isNaN(tvlLeg);
					boolean apyBad = apyLeg == 1;
					boolean tvlBad = tvlLeg == 1;
					int i = (int) (t - first);
					if (apyKnown || tvlKnown) {
						out[1][i]++;
						out[0][i] += (apyBad || tvlBad) ? 1 : 0;
					}
					if (apyKnown) {
						out[3][i]++;
						out[2][i] += apyBad ? 1 : 0;
					}
					if (tvlKnown) {
						out[5][i]++;
						out[4][i] += tvlBad ? 1 : 0;
					}
				}
			}
			return out;
		}

	}

}
