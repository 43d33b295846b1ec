package com.yieldpilot.risk.internal.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Scores a history the way production would have: a model trained on what was known at
 * the end of the training period, then retrained and recalibrated every week (as of each
 * Sunday, for the week from Monday) on the outcomes that had matured by then. A day is
 * always scored by a model trained before it, from features that use data up to that day
 * only. Weekly rather than monthly because the calibration slice and the newest rows the
 * trees learn from are then up to three weeks less stale, which helped on both pre-2025
 * tuning splits (decision record 0011, sixth round).
 */
public final class WalkForward {

	private WalkForward() {
	}

	/**
	 * Scores every row after {@code trainUntil}.
	 * @param progress told about each model trained, e.g. for a command's report
	 */
	public static List<ScoredRow> score(FeatureTable table, LocalDate trainUntil, Hyperparameters hyperparameters,
			Consumer<RiskModel> progress) {
		long first = trainUntil.toEpochDay();
		List<ScoredRow> scored = new ArrayList<>();
		RiskModel model = null;
		long modelWeekEnd = Long.MIN_VALUE;
		int r = 0;
		while (r < table.size() && table.day(r) <= first) {
			r++;
		}
		while (r < table.size()) {
			long day = table.day(r);
			if (model == null || day > modelWeekEnd) {
				LocalDate date = LocalDate.ofEpochDay(day);
				long asOf = Math.max(first,
						date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toEpochDay() - 1);
				model = RiskTrainer.train(table, asOf, hyperparameters);
				progress.accept(model);
				modelWeekEnd = date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).toEpochDay();
			}
			int end = r;
			while (end < table.size() && table.day(end) <= modelWeekEnd) {
				end++;
			}
			float[] features = new float[(end - r) * Feature.COUNT];
			System.arraycopy(table.features(), r * Feature.COUNT, features, 0, features.length);
			double[] scores = model.score(features, end - r);
			for (int i = r; i < end; i++) {
				scored.add(new ScoredRow(i, scores[i - r], model.summary().asOf()));
			}
			r = end;
		}
		return scored;
	}

	/**
	 * A scored row of the table.
	 *
	 * @param row the row in the feature table
	 * @param score the calibrated probability of an adverse event
	 * @param modelAsOf the last day of data the scoring model was trained with
	 */
	public record ScoredRow(int row, double score, long modelAsOf) {
	}

}
