package com.yieldpilot.risk.internal.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureBuilderTest {

	private final List<PoolHistory> pools = SyntheticHistory.pools(SyntheticHistory.csv(30, 200, 5));

	@Test
	void rowsFromADayOnAreTheFullBuildsRowsAndEveryPoolKeepsItsLastDay() {
		FeatureTable full = FeatureBuilder.build(this.pools, List.of(), 1);
		long fromDay = SyntheticHistory.START.plusDays(198).toEpochDay();
		FeatureTable recent = FeatureBuilder.build(this.pools, List.of(), 1, fromDay);

		Map<String, float[]> fullRows = new HashMap<>();
		for (int r = 0; r < full.size(); r++) {
			fullRows.put(full.history(r).pool() + "@" + full.day(r), full.row(r));
		}
		int compared = 0;
		for (int r = 0; r < recent.size(); r++) {
			assertThat(recent.day(r) >= fromDay || recent.day(r) == recent.history(r).lastDay())
				.as("row %d is from %d on or its pool's last day", r, fromDay)
				.isTrue();
			if (recent.day(r) >= fromDay) {
				assertThat(recent.row(r)).as("%s on %d", recent.history(r).pool(), recent.day(r))
					.containsExactly(fullRows.get(recent.history(r).pool() + "@" + recent.day(r)));
				compared++;
			}
		}
		assertThat(compared).as("rows compared").isGreaterThan(30);
		assertThat(recent.size()).isLessThan(full.size() / 50);
		assertThat(this.pools).allSatisfy((pool) -> {
			boolean last = false;
			for (int r = 0; r < recent.size(); r++) {
				last |= recent.history(r).pool().equals(pool.pool()) && recent.day(r) == pool.lastDay();
			}
			assertThat(last).as("%s's last day has a row", pool.pool()).isTrue();
		});
	}

	@Test
	void aHistoryFromDailySeriesObservesTheDaysWithAnyValue() {
		double nan = Double.NaN;
		PoolHistory history = PoolHistory.daily("p:base:USDC", 100, new double[] { 1e6, nan, nan },
				new double[] { 5, nan, 4 }, new double[] { nan, nan, nan }, new double[] { nan, nan, nan },
				(day) -> "day " + day);
		assertThat(history.firstDay()).isEqualTo(100);
		assertThat(history.lastDay()).isEqualTo(102);
		assertThat(history.observed(100)).isTrue();
		assertThat(history.observed(101)).isFalse();
		assertThat(history.observed(102)).isTrue();
		assertThat(history.timestamp(102)).isEqualTo("day 102");
		assertThat(history.apy(102)).isEqualTo(4);
		assertThat(history.tvl(102)).isNaN();
	}

}
