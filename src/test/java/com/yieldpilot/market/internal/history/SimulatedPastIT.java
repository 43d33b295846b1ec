package com.yieldpilot.market.internal.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.yieldpilot.market.HistoryPoint;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.Resolution;
import com.yieldpilot.market.internal.simulator.SimulatedPool;
import com.yieldpilot.market.internal.store.RollupStore;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Local mode's first start gives the simulated pools a past (the shared node starts with
 * it off, {@code yieldpilot.market.simulator.past=0d}; this test writes it for pools of
 * its own): a daily rollup per pool and day up to yesterday, stored once, never again on
 * a restart.
 */
class SimulatedPastIT extends ApplicationIT {

	private static final int DAYS = 60;

	@Autowired
	SimulatedPast past;

	@Autowired
	RollupStore rollups;

	@Test
	void writesDailyHistoryUpToYesterdayOnceForPoolsWithoutAny() {
		String tag = Long.toString(System.nanoTime(), 36);
		List<SimulatedPool> pools = List.of(
				SimulatedPool.of("past" + tag + ":base:USDC", true, 4.0, 1.2, 2.0, Duration.ofDays(30), 100e6, 0.85),
				SimulatedPool.of("past" + tag + ":base:WETH", false, 1.8, 0.4, 0, null, 300e6, 0.55));
		Instant today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();

		assertThat(this.past.write(pools, DAYS)).isEqualTo(2);

		for (SimulatedPool pool : pools) {
			List<HistoryPoint> apy = daily(pool.id(), Metric.APY, today);
			assertThat(apy).as(pool.id().toString()).hasSize(DAYS);
			assertThat(apy.get(0).at()).isEqualTo(today.minus(Duration.ofDays(DAYS)));
			assertThat(apy.get(DAYS - 1).at()).as("up to yesterday, today is the live market's")
				.isEqualTo(today.minus(Duration.ofDays(1)));
			assertThat(apy).allSatisfy((p) -> assertThat(p.value()).isBetween(0.0, 100.0));
			assertThat(apy).extracting(HistoryPoint::value).as("it moves").doesNotHaveDuplicates();
			assertThat(daily(pool.id(), Metric.TVL, today)).hasSize(DAYS)
				.allSatisfy((p) -> assertThat(p.value()).isPositive());
		}
		// the reward emission of the first pool ends after 30 days: its reward APY is 0
		// from then on, as live
		List<HistoryPoint> reward = daily(pools.get(0).id(), Metric.APY_REWARD, today);
		assertThat(reward.get(0).value()).isPositive();
		assertThat(reward.get(DAYS - 1).value()).isZero();

		assertThat(this.past.write(pools, DAYS)).as("a restart adds no second past").isZero();
		assertThat(daily(pools.get(0).id(), Metric.APY, today)).hasSize(DAYS);
	}

	@Test
	void thePastIsTheSameForTheSameSeed() {
		List<SimulatedPool> pools = List.of(SimulatedPool.of("seeded:base:USDC", true, 4.0, 1.2, 0, null, 100e6, 0.85),
				SimulatedPool.of("seeded:base:USDT", true, 3.5, 1.0, 0, null, 50e6, 0.8));
		Instant today = Instant.parse("2026-11-01T00:00:00Z");
		Map<PoolId, List<HistoryRow>> once = SimulatedPast.rows(7, pools, today, 30);
		assertThat(SimulatedPast.rows(7, pools, today, 30)).isEqualTo(once);
		assertThat(SimulatedPast.rows(8, pools, today, 30)).isNotEqualTo(once);
		assertThat(once.get(pools.get(0).id())).hasSize(30)
			.extracting(HistoryRow::at)
			.startsWith(Instant.parse("2026-10-02T23:00:00Z"))
			.endsWith(Instant.parse("2026-10-31T23:00:00Z"));
	}

	private List<HistoryPoint> daily(PoolId pool, Metric metric, Instant today) {
		return this.rollups.rollups(pool.toString(), metric, Resolution.DAY, today.minus(Duration.ofDays(400)),
				today.plus(Duration.ofDays(1)));
	}

}
