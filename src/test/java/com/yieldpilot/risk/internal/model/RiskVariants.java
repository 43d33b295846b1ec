package com.yieldpilot.risk.internal.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Third-round variants of the tuning harness ({@code -Dvariant=...} of
 * {@link RiskTuning}), walking forward month by month as {@link WalkForward} does but
 * combining and calibrating otherwise. None of them was kept (decision record 0011, third
 * round); they stay so that the figures can be reproduced.
 * <ul>
 * <li>{@code legs}: one model per half of the outcome ({@link Outcome#legs}), each with
 * its trees, floor and calibration, combined as 1 − (1 − p<sub>APY</sub>)(1 −
 * p<sub>TVL</sub>) and calibrated isotonically on the combined outcome; {@code legs-raw}
 * combines their uncalibrated blends instead.</li>
 * <li>{@code level}: the usual model with its calibration moved in log-odds so that its
 * mean on the calibration slice equals the base rate of the matured pool-days of the last
 * {@code -DlevelDays} (365) days: a long-run level instead of the slice's.</li>
 * <li>{@code centred}, {@code centred-level}: each day's log-odds less the day's mean
 * over its pools (shrunk by n / (n + 20)) on the calibration slice and on the scored
 * days, so that only the calibration sets a day's level.</li>
 * </ul>
 */
final class RiskVariants {

	private RiskVariants() {
	}

	static List<WalkForward.ScoredRow> score(FeatureTable table, LocalDate trainUntil, Hyperparameters hp,
			String variant) {
		boolean legs = variant.startsWith("legs");
		FeatureTable apy = legs ? relabel(table, true) : table;
		FeatureTable tvl = legs ? relabel(table, false) : table;
		long first = trainUntil.toEpochDay();
		List<WalkForward.ScoredRow> scored = new ArrayList<>();
		int r = 0;
		while (r < table.size() && table.day(r) <= first) {
			r++;
		}
		while (r < table.size()) {
			LocalDate date = LocalDate.ofEpochDay(table.day(r));
			long asOf = Math.max(first, date.withDayOfMonth(1).toEpochDay() - 1);
			long monthEnd = date.withDayOfMonth(date.lengthOfMonth()).toEpochDay();
			RiskModel apyModel = RiskTrainer.train(apy, asOf, hp);
			RiskModel tvlModel = legs ? RiskTrainer.train(tvl, asOf, hp) : null;
			long calibrateFrom = asOf - Outcome.HORIZON_DAYS - hp.calibrationDays() + 1;
			List<Integer> slice = new ArrayList<>();
			for (int i = 0; i < table.size(); i++) {
				if (table.maturedBy(i, asOf) && table.day(i) >= calibrateFrom) {
					slice.add(i);
				}
			}
			double[] sliceRaw = raw(apyModel, tvlModel, table, slice, variant);
			double[] outcomes = slice.stream().mapToDouble(table::outcome).toArray();
			double base = Arrays.stream(outcomes).average().orElseThrow();
			IsotonicCalibration calibration = IsotonicCalibration.fit(sliceRaw, outcomes).shrunk(base, hp.shrink());
			double shift = variant.endsWith("level") ? levelShift(table, asOf, calibration, sliceRaw) : 0;
			List<Integer> month = new ArrayList<>();
			while (r < table.size() && table.day(r) <= monthEnd) {
				month.add(r++);
			}
			double[] raw = raw(apyModel, tvlModel, table, month, variant);
			for (int i = 0; i < month.size(); i++) {
				double p = LinearFloor.sigmoid(LinearFloor.logit(calibration.apply(raw[i])) + shift);
				scored.add(new WalkForward.ScoredRow(month.get(i), p, asOf));
			}
		}
		return scored;
	}

	/** The uncalibrated score of each row under the variant. */
	private static double[] raw(RiskModel apyModel, RiskModel tvlModel, FeatureTable table, List<Integer> rows,
			String variant) {
		float[] x = new float[rows.size() * Feature.COUNT];
		for (int i = 0; i < rows.size(); i++) {
			System.arraycopy(table.features(), rows.get(i) * Feature.COUNT, x, i * Feature.COUNT, Feature.COUNT);
		}
		if (tvlModel == null) {
			double[] raw = apyModel.rawScore(x, rows.size());
			if (variant.startsWith("centred")) {
				centre(table, rows, raw);
			}
			return raw;
		}
		boolean calibrated = !variant.endsWith("raw");
		double[] a = calibrated ? apyModel.score(x, rows.size()) : apyModel.rawScore(x, rows.size());
		double[] t = calibrated ? tvlModel.score(x, rows.size()) : tvlModel.rawScore(x, rows.size());
		double[] combined = new double[rows.size()];
		for (int i = 0; i < combined.length; i++) {
			combined[i] = 1 - (1 - a[i]) * (1 - t[i]);
		}
		return combined;
	}

	/**
	 * Each day's log-odds less the day's mean, shrunk towards 0 for days of few pools.
	 */
	private static void centre(FeatureTable table, List<Integer> rows, double[] raw) {
		Map<Long, double[]> sums = new HashMap<>();
		for (int i = 0; i < raw.length; i++) {
			double[] sum = sums.computeIfAbsent(table.day(rows.get(i)), k -> new double[2]);
			sum[0] += LinearFloor.logit(raw[i]);
			sum[1]++;
		}
		for (int i = 0; i < raw.length; i++) {
			double[] sum = sums.get(table.day(rows.get(i)));
			raw[i] = LinearFloor.sigmoid(LinearFloor.logit(raw[i]) - sum[0] / (sum[1] + 20));
		}
	}

	/**
	 * The log-odds shift that makes the calibrated slice's mean the long-run base rate.
	 */
	private static double levelShift(FeatureTable table, long asOf, IsotonicCalibration calibration,
			double[] sliceRaw) {
		long from = asOf - Outcome.HORIZON_DAYS - Integer.getInteger("levelDays", 365);
		double sum = 0;
		int n = 0;
		for (int i = 0; i < table.size(); i++) {
			if (table.maturedBy(i, asOf) && table.day(i) > from) {
				sum += table.outcome(i);
				n++;
			}
		}
		double target = sum / n;
		double lo = -5;
		double hi = 5;
		for (int iteration = 0; iteration < 60; iteration++) {
			double mid = (lo + hi) / 2;
			double mean = 0;
			for (double x : sliceRaw) {
				mean += LinearFloor.sigmoid(LinearFloor.logit(calibration.apply(x)) + mid);
			}
			if (mean / sliceRaw.length < target) {
				lo = mid;
			}
			else {
				hi = mid;
			}
		}
		return (lo + hi) / 2;
	}

	/**
	 * The table with one half of the outcome as its outcome, where the whole is known.
	 */
	static FeatureTable relabel(FeatureTable full, boolean apyHalf) {
		int[] pool = new int[full.size()];
		long[] day = new long[full.size()];
		double[] outcome = new double[full.size()];
		List<PoolHistory> histories = new ArrayList<>();
		for (int r = 0; r < full.size(); r++) {
			pool[r] = full.pool(r);
			day[r] = full.day(r);
			Outcome.Legs legs = Outcome.legs(full.history(r), full.day(r));
			outcome[r] = Double.isNaN(full.outcome(r)) ? Double.NaN : apyHalf ? legs.apy() : legs.tvl();
			while (histories.size() <= pool[r]) {
				histories.add(null);
			}
			histories.set(pool[r], full.history(r));
		}
		return new FeatureTable(histories, pool, day, full.features(), outcome);
	}

}
