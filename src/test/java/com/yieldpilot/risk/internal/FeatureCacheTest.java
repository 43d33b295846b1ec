package com.yieldpilot.risk.internal;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import com.yieldpilot.risk.internal.model.Feature;
import com.yieldpilot.risk.internal.model.FeatureBuilder;
import com.yieldpilot.risk.internal.model.FeatureTable;
import com.yieldpilot.risk.internal.model.HistoryCsv;
import com.yieldpilot.risk.internal.model.Incident;
import com.yieldpilot.risk.internal.model.PoolHistory;
import com.yieldpilot.risk.internal.model.SyntheticHistory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Features built with each pool's own part kept between updates are those of a fresh
 * build, after every kind of change a pool's history goes through: none, the hourly
 * rollup rewriting today, an import rewriting closed days, a pool appearing or going, and
 * the date moving on.
 */
class FeatureCacheTest {

	private final List<PoolHistory> all;

	private final FeatureCache cache = new FeatureCache();

	FeatureCacheTest() throws IOException {
		this.all = HistoryCsv.read(new StringReader(SyntheticHistory.csv(60, 220, 11)));
	}

	@Test
	void keptFeaturesAreThoseOfAFreshBuildAfterEveryKindOfChange() {
		long today = SyntheticHistory.START.toEpochDay() + 200;
		List<PoolHistory> histories = window(this.all, today);
		int pools = histories.size();

		FeatureTable first = assertFresh(histories, today);
		assertThat(this.cache.computed()).as("every pool computed once").isEqualTo(pools);

		// a market update between two rollups: the same history objects
		assertFresh(histories, today);
		assertThat(this.cache.computed()).as("nothing computed again").isEqualTo(pools);

		// the hourly rollup rewrites today's means of one pool
		histories.set(3, rewritten(histories.get(3), today, (v) -> v * 0.5));
		FeatureTable afterRollup = assertFresh(histories, today);
		assertThat(this.cache.computed()).as("only the changed pool computed").isEqualTo(pools + 1);
		assertThat(differingRows(first, afterRollup)).as("its peers' ranks moved too").isGreaterThan(2);

		// an import rewrites closed days of another pool, 40 to 30 days ago: its
		// outcomes, record and the market's adverse rate change
		histories.set(8, rewritten(histories.get(8), today - 40, today - 30, (v) -> v * 3));
		assertFresh(histories, today);
		assertThat(this.cache.computed()).isEqualTo(pools + 2);

		// a pool appears, another goes
		PoolHistory added = window(List.of(this.all.get(pools)), today).get(0);
		List<PoolHistory> changedPools = new ArrayList<>(histories.subList(1, histories.size()));
		changedPools.add(added);
		assertFresh(changedPools, today);
		assertThat(this.cache.computed()).isEqualTo(pools + 3);

		// the date moves on before any history does (no rollup of the new day yet): the
		// same objects, but the days scored move
		assertFresh(changedPools, today + 1);
		assertThat(this.cache.computed()).as("every pool computed for the new day").isEqualTo(2L * pools + 3);

		// and the windows move with the new day's rollups
		assertFresh(window(this.all, today + 1), today + 1);
		assertThat(this.cache.computed()).isEqualTo(3L * pools + 3);
	}

	@Test
	void anImportedIncidentListComputesEveryPoolAgainWithIt() {
		long today = SyntheticHistory.START.toEpochDay() + 200;
		List<PoolHistory> histories = window(this.all, today);
		int pools = histories.size();
		FeatureTable without = assertFresh(histories, List.of(), today);

		List<Incident> imported = List.of(
				new Incident(LocalDate.ofEpochDay(today - 5), "SomeDex", "Exploit", 2_000_000, "Ethereum"),
				new Incident(LocalDate.ofEpochDay(today - 20), "OtherLend", "Exploit", 500_000, "Base"));
		FeatureTable with = assertFresh(histories, imported, today);
		assertThat(this.cache.computed()).as("every pool computed with the list").isEqualTo(2L * pools);
		assertThat(differingRows(without, with)).isEqualTo(with.size());
		assertThat(with.row(0)[Feature.MARKET_INCIDENTS_30D.ordinal()]).isEqualTo(2f);

		assertFresh(histories, imported, today);
		assertThat(this.cache.computed()).as("the same list object: nothing computed again").isEqualTo(2L * pools);
	}

	/**
	 * Asserts the cached path builds what a fresh build does, row by row and bit by bit.
	 */
	private FeatureTable assertFresh(List<PoolHistory> histories, long today) {
		return assertFresh(histories, List.of(), today);
	}

	private FeatureTable assertFresh(List<PoolHistory> histories, List<Incident> incidents, long today) {
		FeatureTable cached = this.cache.build(histories, incidents, 1, today - 1);
		FeatureTable fresh = FeatureBuilder.build(histories, incidents, 1, today - 1);
		assertThat(cached.size()).isEqualTo(fresh.size()).isGreaterThanOrEqualTo(histories.size() / 2);
		for (int r = 0; r < fresh.size(); r++) {
			assertThat(cached.history(r)).isSameAs(fresh.history(r));
			assertThat(cached.day(r)).isEqualTo(fresh.day(r));
			assertThat(Double.compare(cached.outcome(r), fresh.outcome(r))).isZero();
			assertThat(cached.row(r)).as("%s on %d", fresh.history(r).pool(), fresh.day(r))
				.containsExactly(fresh.row(r));
		}
		return cached;
	}

	private static int differingRows(FeatureTable a, FeatureTable b) {
		int differing = 0;
		for (int r = 0; r < Math.min(a.size(), b.size()); r++) {
			differing += Arrays.equals(a.row(r), b.row(r)) ? 0 : 1;
		}
		return differing;
	}

	/**
	 * The first 59 pools' last 150 days up to the day, as the node holds them (new
	 * objects).
	 */
	private static List<PoolHistory> window(List<PoolHistory> pools, long today) {
		List<PoolHistory> window = new ArrayList<>();
		for (PoolHistory pool : pools.subList(0, Math.min(pools.size(), 59))) {
			window.add(copy(pool, today - 149, today, today, today - 1, UnaryOperator.identity()));
		}
		return window;
	}

	private static PoolHistory rewritten(PoolHistory pool, long day, UnaryOperator<Double> apy) {
		return rewritten(pool, day, day, apy);
	}

	private static PoolHistory rewritten(PoolHistory pool, long from, long to, UnaryOperator<Double> apy) {
		return copy(pool, pool.firstDay(), pool.lastDay(), from, to, apy);
	}

	/**
	 * The pool's days [first, last] as a new history, the APY of days [from, to] passed
	 * through {@code apy}.
	 */
	private static PoolHistory copy(PoolHistory pool, long first, long last, long from, long to,
			UnaryOperator<Double> apy) {
		long start = Math.max(first, pool.firstDay());
		long end = Math.min(last, pool.lastDay());
		int n = (int) (end - start + 1);
		double[][] series = new double[4][n];
		for (int i = 0; i < n; i++) {
			long d = start + i;
			series[0][i] = pool.tvl(d);
			series[1][i] = (d >= from && d <= to && !Double.isNaN(pool.apy(d))) ? apy.apply(pool.apy(d)) : pool.apy(d);
			series[2][i] = pool.apyBase(d);
			series[3][i] = pool.apyReward(d);
		}
		return PoolHistory.daily(pool.pool(), start, series[0], series[1], series[2], series[3], (d) -> "day " + d);
	}

}
