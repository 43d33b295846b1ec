package com.yieldpilot.market.internal.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.yieldpilot.shared.PoolId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReproducibilityTest {

	// frequent events, so that the paths compared include drains, exploits, depegs and
	// spikes and not only the quiet diffusion between them
	private static final SimulationSettings EVENTFUL = SimulationSettings.defaults()
		.withDrainsPerYear(20)
		.withExploitsPerYear(2)
		.withDepegsPerYear(10)
		.withGasSpikesPerDay(6);

	private static final List<Duration> IRREGULAR_STEPS = List.of(Duration.ofMinutes(5), Duration.ofHours(1),
			Duration.ofDays(1), Duration.ofSeconds(17), Duration.ofHours(7));

	@Test
	void theSameSeedGivesExactlyTheSameSteps() {
		List<MarketStep> first = irregularRun(
				new SimulatedMarket(7, SimulatedMarket.defaultPools(), Runs.T0, EVENTFUL));
		List<MarketStep> second = irregularRun(
				new SimulatedMarket(7, SimulatedMarket.defaultPools(), Runs.T0, EVENTFUL));
		assertThat(first).isEqualTo(second);
		assertThat(first.stream().mapToInt((step) -> step.events().size()).sum()).isGreaterThan(50);
	}

	@Test
	void differentSeedsGiveDifferentPathsForEveryPoolAndChain() {
		List<MarketStep> seven = irregularRun(
				new SimulatedMarket(7, SimulatedMarket.defaultPools(), Runs.T0, EVENTFUL));
		List<MarketStep> eight = irregularRun(
				new SimulatedMarket(8, SimulatedMarket.defaultPools(), Runs.T0, EVENTFUL));
		for (SimulatedPool pool : SimulatedMarket.defaultPools()) {
			assertThat(poolPath(seven, pool.id())).as("%s", pool.id()).isNotEqualTo(poolPath(eight, pool.id()));
		}
		for (String chain : List.of("base", "ethereum", "arbitrum")) {
			assertThat(chainPath(seven, chain)).as(chain).isNotEqualTo(chainPath(eight, chain));
		}
	}

	@Test
	void twoPoolsWithTheSameParametersStillFollowTheirOwnPaths() {
		SimulatedPool first = SimulatedPool.of("aave-v3:base:USDC", true, 4.0, 1.0, 0, null, 1e8, 0.8);
		SimulatedPool second = SimulatedPool.of("aave-v3:ethereum:USDC", true, 4.0, 1.0, 0, null, 1e8, 0.8);
		List<MarketStep> steps = irregularRun(new SimulatedMarket(7, List.of(first, second), Runs.T0, EVENTFUL));
		assertThat(steps).allSatisfy((step) -> {
			assertThat(step.pools().get(0).apyBase()).isNotEqualTo(step.pools().get(1).apyBase());
			assertThat(step.pools().get(0).tvlUsd()).isNotEqualTo(step.pools().get(1).tvlUsd());
		});
	}

	/**
	 * Adds, in front of the default dozen, a pool on a new chain and a pool of a new
	 * asset on a known chain; every default pool, every known chain and every event that
	 * does not concern the newcomers must be exactly as without them.
	 */
	@Test
	void addingPoolsDoesNotChangeTheOtherPaths() {
		List<SimulatedPool> extended = new ArrayList<>();
		extended.add(SimulatedPool.of("aave-v3:optimism:USDC", true, 4.5, 1.0, 1.0, Duration.ofDays(10), 50e6, 0.8));
		extended.add(SimulatedPool.of("aave-v3:base:WBTC", false, 0.5, 0.2, 0, null, 90e6, 0.3));
		extended.addAll(SimulatedMarket.defaultPools());
		List<MarketStep> alone = irregularRun(
				new SimulatedMarket(7, SimulatedMarket.defaultPools(), Runs.T0, EVENTFUL));
		List<MarketStep> together = irregularRun(new SimulatedMarket(7, extended, Runs.T0, EVENTFUL));

		for (SimulatedPool pool : SimulatedMarket.defaultPools()) {
			assertThat(poolPath(together, pool.id())).as("%s", pool.id()).isEqualTo(poolPath(alone, pool.id()));
		}
		for (String chain : List.of("base", "ethereum", "arbitrum")) {
			assertThat(chainPath(together, chain)).as(chain).isEqualTo(chainPath(alone, chain));
		}
		Set<PoolId> newcomers = Set.of(PoolId.parse("aave-v3:optimism:USDC"), PoolId.parse("aave-v3:base:WBTC"));
		List<MarketEvent> othersTogether = together.stream()
			.flatMap((step) -> step.events().stream())
			.filter((event) -> !concerns(event, newcomers))
			.toList();
		List<MarketEvent> allAlone = alone.stream().flatMap((step) -> step.events().stream()).toList();
		assertThat(othersTogether).isEqualTo(allAlone);
	}

	private static List<MarketStep> irregularRun(SimulatedMarket market) {
		List<MarketStep> steps = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			steps.add(market.advance(IRREGULAR_STEPS.get(i % IRREGULAR_STEPS.size())));
		}
		return steps;
	}

	private static List<PoolTick> poolPath(List<MarketStep> steps, PoolId pool) {
		return steps.stream().map((step) -> Runs.tick(step, pool)).toList();
	}

	private static List<ChainTick> chainPath(List<MarketStep> steps, String chain) {
		return steps.stream().map((step) -> Runs.chain(step, chain)).toList();
	}

	private static boolean concerns(MarketEvent event, Set<PoolId> pools) {
		return switch (event) {
			case MarketEvent.RewardsEnded ended -> pools.contains(ended.pool());
			case MarketEvent.TvlDrained drained -> pools.contains(drained.pool());
			case MarketEvent.Exploited exploited -> pools.contains(exploited.pool());
			// the newcomers bring the optimism chain and WBTC, which has no peg to lose
			case MarketEvent.GasSpiked spiked -> spiked.chain().equals("optimism");
			case MarketEvent.Depegged depegged -> false;
		};
	}

}
