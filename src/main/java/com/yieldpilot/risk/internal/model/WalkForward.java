package com.yieldpilot.risk.internal.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a history the way production would have: a model trained on what was known at
 * the end of the training period, then retrained and recalibrated every week (as of each
 * Sunday, for the week from Monday) on the outcomes that had matured by then. A day is
 * always scored by a model trained before it, from features that use data up to that day
 * only. Weekly rather than monthly because the calibration slice and the newest rows the
 * trees learn from are then up to three weeks less stale, which helped on both pre-2025
 * tuning splits (decision record 0011, sixth round).
 * <p>
 * A week for which too little has matured to train is either an error (the default) or,
 * when the caller's {@link Progress} accepts it, scored by the documented cold-start
 * {@link Heuristic} as production serves it before its first model; the walk tries to
 * train again the next week.
 */
public final class WalkForward {

	private WalkForward() {
	}

	/**
	 * Scores every row after {@code trainUntil}.
	 * @param progress told about each model trained, e.g. for a command's report, and
	 * asked what to do when a week cannot be trained
	 * @throws NotEnoughDataException when a week cannot be trained and {@code progress}
	 * does not accept the heuristic for it
	 */
	public static List<ScoredRow> score(FeatureTable table, LocalDate trainUntil, Hyperparameters hyperparameters,
			Progress progress) {
		long first = trainUntil.toEpochDay();
		List<ScoredRow> scored = new ArrayList<>();
		RiskModel model = null;
		long heuristicAsOf = Long.MIN_VALUE;
		long modelWeekEnd = Long.MIN_VALUE;
		int r = 0;
		while (r < table.size() && table.day(r) <= first) {
			r++;
		}
		while (r < table.size()) {
			long day = table.day(r);
			if (day > modelWeekEnd) {
				LocalDate date = LocalDate.ofEpochDay(day);
				long asOf = Math.max(first,
						date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toEpochDay() - 1);
				try {
					model = RiskTrainer.train(table, asOf, hyperparameters);
					progress.accept(model);
				}
				catch (NotEnoughDataException ex) {
					progress.untrainable(asOf, ex);
					model = null;
					heuristicAsOf = asOf;
				}
				modelWeekEnd = date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).toEpochDay();
			}
			int end = r;
			while (end < table.size() && table.day(end) <= modelWeekEnd) {
				end++;
			}
			if (model == null) {
				for (int i = r; i < end; i++) {
					float[] row = new float[Feature.COUNT];
					System.arraycopy(table.features(), i * Feature.COUNT, row, 0, Feature.COUNT);
					scored.add(new ScoredRow(i, Heuristic.assess(row).score(), heuristicAsOf, true));
				}
				r = end;
				continue;
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

	/** What the walk tells its caller. */
	@FunctionalInterface
	public interface Progress {

		/** A model was trained for the coming week. */
		void accept(RiskModel model);

		/**
		 * Too little had matured by {@code asOf} to train. Throws to stop the walk (the
		 * default); returns to score the week with the {@link Heuristic}.
		 */
		default void untrainable(long asOf, NotEnoughDataException why) {
			throw why;
		}

	}

	/**
	 * A scored row of the table.
	 *
	 * @param row the row in the feature table
	 * @param score the calibrated probability of an adverse event, or the heuristic's
	 * score
	 * @param modelAsOf the last day of data the scoring model was trained with (or, for
	 * the heuristic, would have been)
	 * @param heuristic whether the cold-start heuristic scored it, no model being
	 * trainable yet
	 */
	public record ScoredRow(int row, double score, long modelAsOf, boolean heuristic) {

		/** A row a model scored. */
		public ScoredRow(int row, double score, long modelAsOf) {
			this(row, score, modelAsOf, false);
		}

	}

}
