package com.yieldpilot.risk.internal.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sixth-round variants of the tuning harness ({@code -Dvariant=recal-<k>},
 * {@code -Dvariant=seeds-<n>} or both, e.g. {@code seeds-3+recal-7}, of
 * {@link RiskTuning}): the trees and floor retrained at the end of every month as
 * {@link WalkForward} does, but
 * <ul>
 * <li>{@code recal-<k>}: the isotonic calibration and the market level's reference
 * refitted every {@code k} days (1: daily) on the newest {@code -Dcal} (60) days of
 * outcomes matured by the day before the scored one ({@code -DrecalDays}, at most
 * {@code -Dcal}, for a shorter slice). The trees hold out {@code -Dcal} days, so a later
 * slice never holds a row they learnt from; the first day of a month gets the monthly
 * model's own calibration, so {@code recal-0} (never again) is the production walk.</li>
 * <li>{@code seeds-<n>}: the mean log-odds of {@code n} models trained with seeds 42, 43,
 * … (each with {@code -Dtrees} trees and the same floor), calibrated together.</li>
 * </ul>
 * {@code retrain-<k>} retrains the trees and floor every {@code k} days instead of
 * monthly, each on what had matured by the day before its first scored day. Decision
 * record 0011, sixth round.
 */
final class RiskRecalibration {

	private RiskRecalibration() {
	}

	static List<WalkForward.ScoredRow> score(FeatureTable table, LocalDate trainUntil, Hyperparameters hp,
			String variant) {
		int cadence = parameter(variant, "recal-", 0);
		int seeds = parameter(variant, "seeds-", 1);
		int retrain = parameter(variant, "retrain-", 0);
		int days = Integer.getInteger("recalDays", hp.calibrationDays());
		if (days > hp.calibrationDays()) {
			throw new IllegalArgumentException("A slice longer than the trees hold out would hold rows they learnt");
		}
		long first = trainUntil.toEpochDay();
		// the walk's model of each day does not depend on where the walk started, except
		// with retrain-<k>: its segments start at the first scored day
		List<WalkForward.ScoredRow> scored = new ArrayList<>();
		int r = 0;
		while (r < table.size() && table.day(r) <= first) {
			r++;
		}
		while (r < table.size()) {
			LocalDate date = LocalDate.ofEpochDay(table.day(r));
			long asOf = (retrain > 0) ? table.day(r) - 1 : Math.max(first, date.withDayOfMonth(1).toEpochDay() - 1);
			long monthEnd = (retrain > 0) ? asOf + retrain : date.withDayOfMonth(date.lengthOfMonth()).toEpochDay();
			List<RiskModel> models = new ArrayList<>();
			for (int s = 0; s < seeds; s++) {
				models.add(RiskTrainer.train(table, asOf, seeded(hp, hp.seed() + s)));
			}
			long from = asOf - Outcome.HORIZON_DAYS - hp.calibrationDays() + 1;
			int start = 0;
			while (table.day(start) < from) {
				start++;
			}
			final int lo = start;
			int hi = r;
			while (hi < table.size() && table.day(hi) <= monthEnd) {
				hi++;
			}
			double[] raw = raw(models, table, lo, hi);
			IsotonicCalibration calibration = null;
			MarketLevel level = null;
			long calibratedAsOf = Long.MIN_VALUE;
			for (; r < hi; r++) {
				long day = table.day(r);
				if (calibration == null || cadence > 0 && day - 1 - calibratedAsOf >= cadence) {
					calibratedAsOf = (calibration == null) ? asOf : day - 1;
					List<Integer> slice = new ArrayList<>();
					long sliceFrom = calibratedAsOf - Outcome.HORIZON_DAYS - days + 1;
					for (int i = lo; i < hi; i++) {
						if (table.day(i) >= sliceFrom && table.maturedBy(i, calibratedAsOf)) {
							slice.add(i);
						}
					}
					double[] sliceRaw = slice.stream().mapToDouble(i -> raw[i - lo]).toArray();
					double[] outcomes = slice.stream().mapToDouble(table::outcome).toArray();
					double base = Arrays.stream(outcomes).average().orElseThrow();
					calibration = IsotonicCalibration.fit(sliceRaw, outcomes).shrunk(base, hp.shrink());
					level = MarketLevel.fit(table, slice, hp.levelWeight());
				}
				double p = calibration.apply(raw[r - lo]);
				if (level != null) {
					p = level.apply(p, table.features(), r);
				}
				scored.add(new WalkForward.ScoredRow(r, p, asOf));
			}
		}
		return scored;
	}

	/** The blended raw score of rows [lo, hi): the models' mean log-odds. */
	private static double[] raw(List<RiskModel> models, FeatureTable table, int lo, int hi) {
		float[] x = Arrays.copyOfRange(table.features(), lo * Feature.COUNT, hi * Feature.COUNT);
		if (models.size() == 1) {
			return models.get(0).rawScore(x, hi - lo);
		}
		double[] sum = new double[hi - lo];
		for (RiskModel model : models) {
			double[] p = model.rawScore(x, hi - lo);
			for (int i = 0; i < p.length; i++) {
				sum[i] += LinearFloor.logit(p[i]) / models.size();
			}
		}
		for (int i = 0; i < sum.length; i++) {
			sum[i] = LinearFloor.sigmoid(sum[i]);
		}
		return sum;
	}

	private static Hyperparameters seeded(Hyperparameters hp, long seed) {
		return new Hyperparameters(hp.trees(), hp.eta(), hp.maxDepth(), hp.minChildWeight(), hp.subsample(),
				hp.featureSubsample(), hp.lambda(), seed, hp.calibrationDays(), hp.shrink(), hp.floorShare(),
				hp.levelWeight());
	}

	private static int parameter(String variant, String prefix, int fallback) {
		for (String part : variant.split("\\+")) {
			if (part.startsWith(prefix)) {
				return Integer.parseInt(part.substring(prefix.length()));
			}
		}
		return fallback;
	}

}
