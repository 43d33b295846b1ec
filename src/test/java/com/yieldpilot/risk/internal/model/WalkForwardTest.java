package com.yieldpilot.risk.internal.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WalkForwardTest {

	private static final LocalDate TRAIN_UNTIL = SyntheticHistory.START.plusDays(179);

	@Test
	void changingLaterValuesLeavesEarlierScoresUnchanged() {
		String original = SyntheticHistory.csv(40, 300, 11);
		Map<String, Double> before = scores(original);
		for (int cut : new int[] { 200, 240 }) {
			String cutDate = SyntheticHistory.START.plusDays(cut).toString();
			// every value after the cut changes: APY and its base and reward tripled,
			// TVL crushed
			String edited = SyntheticHistory.csv(40, 300, 11, row -> {
				String[] cells = row.split(",", -1);
				if (cells[1].substring(0, 10).compareTo(cutDate) <= 0) {
					return row;
				}
				cells[2] = String.format(Locale.ROOT, "%.2f", Double.parseDouble(cells[2]) * 0.01);
				for (int apy = 3; apy <= 5; apy++) {
					if (!cells[apy].isEmpty()) {
						cells[apy] = String.format(Locale.ROOT, "%.5f", Double.parseDouble(cells[apy]) * 3);
					}
				}
				return String.join(",", cells);
			});
			Map<String, Double> after = scores(edited);
			int compared = 0;
			int changedLater = 0;
			for (Map.Entry<String, Double> entry : before.entrySet()) {
				String day = entry.getKey()
					.substring(entry.getKey().indexOf('@') + 1, entry.getKey().indexOf('@') + 11);
				if (day.compareTo(cutDate) <= 0) {
					assertThat(after.get(entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
					compared++;
				}
				else if (!entry.getValue().equals(after.get(entry.getKey()))) {
					changedLater++;
				}
			}
			assertThat(compared).isGreaterThan(300);
			assertThat(changedLater).as("the edit changes later scores, so the comparison can fail").isPositive();
		}
	}

	@Test
	void scoresOnlyDaysAfterTrainingWithModelsTrainedBeforeThem() {
		FeatureTable table = FeatureBuilder.build(SyntheticHistory.pools(SyntheticHistory.csv(40, 300, 5)), List.of());
		List<WalkForward.ScoredRow> scored = WalkForward.score(table, TRAIN_UNTIL, SyntheticHistory.quick(), m -> {
		});
		assertThat(scored).isNotEmpty();
		assertThat(scored).allSatisfy(row -> {
			assertThat(table.day(row.row())).isGreaterThan(TRAIN_UNTIL.toEpochDay());
			assertThat(row.modelAsOf()).isLessThan(table.day(row.row()));
			assertThat(row.score()).isBetween(0.0, 1.0);
		});
	}

	@Test
	void retrainsEveryWeekAsOfTheSundayBeforeItsMonday() {
		FeatureTable table = FeatureBuilder.build(SyntheticHistory.pools(SyntheticHistory.csv(40, 300, 5)), List.of());
		List<Long> trainedAsOf = new ArrayList<>();
		List<WalkForward.ScoredRow> scored = WalkForward.score(table, TRAIN_UNTIL, SyntheticHistory.quick(),
				m -> trainedAsOf.add(m.summary().asOf()));
		assertThat(scored).allSatisfy(row -> {
			LocalDate day = LocalDate.ofEpochDay(table.day(row.row()));
			long sundayBefore = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toEpochDay() - 1;
			assertThat(row.modelAsOf()).as(day.toString()).isEqualTo(Math.max(TRAIN_UNTIL.toEpochDay(), sundayBefore));
		});
		assertThat(trainedAsOf).as("one model per week scored, each trained once").doesNotHaveDuplicates();
		assertThat(trainedAsOf).hasSizeGreaterThan(10);
		assertThat(trainedAsOf.subList(1, trainedAsOf.size()))
			.allSatisfy(asOf -> assertThat(LocalDate.ofEpochDay(asOf).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY));
	}

	private static Map<String, Double> scores(String csv) {
		FeatureTable table = FeatureBuilder.build(SyntheticHistory.pools(csv), List.of());
		Map<String, Double> scores = new HashMap<>();
		for (WalkForward.ScoredRow row : WalkForward.score(table, TRAIN_UNTIL, SyntheticHistory.quick(), m -> {
		})) {
			scores.put(table.history(row.row()).pool() + "@" + table.history(row.row()).timestamp(table.day(row.row())),
					row.score());
		}
		return scores;
	}

}
