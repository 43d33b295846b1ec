package com.yieldpilot.market.internal.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.yieldpilot.shared.PoolId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EventsTest {

	// no noise, so that a change in a tick can only come from the event under test
	private static final SimulatedPool LENDING = SimulatedPool.of("aave-v3:base:USDC", true, 4.0, 0, 0, null, 100e6,
			0.8);

	private static final SimulatedPool VAULT = SimulatedPool.of("morpho:base:USDC-prime", true, 6.0, 0, 0, null, 50e6,
			null);

	private static final SimulatedPool WETH = SimulatedPool.of("aave-v3:ethereum:WETH", false, 2.0, 0, 0, null, 600e6,
			0.5);

	static Stream<Arguments> rewardPools() {
		Stream<Arguments> defaults = SimulatedMarket.defaultPools()
			.stream()
			.filter((pool) -> pool.initialRewardApy() > 0)
			.map((pool) -> Arguments.of(pool.id().toString(), pool));
		SimulatedPool endless = SimulatedPool.of("fluid:base:USDC", true, 6.0, 1.0, 2.0, null, 30e6, 0.9);
		return Stream.concat(defaults, Stream.of(Arguments.of("never ending", endless)));
	}

	/** Hourly over the first 130 days, which covers every default emission end. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("rewardPools")
	void rewardApyIsPaidBeforeTheEmissionEndAndZeroFromThenOn(String name, SimulatedPool pool) {
		SimulatedMarket market = new SimulatedMarket(5, List.of(pool), Runs.T0);
		List<MarketStep> steps = Runs.run(market, Duration.ofHours(1), Duration.ofDays(130));
		Instant end = (pool.emissionEnd() != null) ? Runs.T0.plus(pool.emissionEnd()) : Instant.MAX;
		assertThat(steps).allSatisfy((step) -> {
			PoolTick tick = step.pools().get(0);
			if (tick.observedAt().isBefore(end)) {
				assertThat(tick.apyReward()).isPositive().isEqualTo(pool.initialRewardApy());
			}
			else {
				assertThat(tick.apyReward()).isZero();
			}
			assertThat(tick.apy()).isEqualTo(tick.apyBase() + tick.apyReward());
		});
		List<MarketEvent> endings = steps.stream()
			.flatMap((step) -> step.events().stream())
			.filter(MarketEvent.RewardsEnded.class::isInstance)
			.toList();
		if (pool.emissionEnd() != null) {
			assertThat(endings).containsExactly(new MarketEvent.RewardsEnded(end, pool.id()));
			assertThat(steps.get(steps.size() - 1).pools().get(0).apyReward()).isZero();
		}
		else {
			assertThat(endings).isEmpty();
		}
	}

	static Stream<Arguments> drainedPools() {
		return Stream.of(Arguments.of("lending pool", LENDING, true), Arguments.of("vault", VAULT, false));
	}

	/**
	 * With a drain every week on average and nothing else moving, the first hourly step
	 * holding a drain shows its TVL down by the drained fraction (20–60%). A lending
	 * pool's utilization and base APY go up (by the factor {@code 1 + f/2}); a vault's
	 * APY does not move.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("drainedPools")
	void aDrainTakesTwentyToSixtyPercentOfTheTvlInItsStep(String name, SimulatedPool pool, boolean apyRises) {
		SimulatedMarket market = new SimulatedMarket(17, List.of(pool), Runs.T0,
				SimulationSettings.quiet().withDrainsPerYear(50));
		PoolTick before = market.snapshot().pools().get(0);
		MarketStep drained = null;
		for (int hour = 0; hour < 24 * 365 && drained == null; hour++) {
			MarketStep step = market.advance(Duration.ofHours(1));
			if (!step.events().isEmpty()) {
				drained = step;
			}
			else {
				before = step.pools().get(0);
			}
		}
		assertThat(drained).as("a drain within a year at 50 a year").isNotNull();
		assertThat(drained.events()).singleElement().isInstanceOf(MarketEvent.TvlDrained.class);
		MarketEvent.TvlDrained event = (MarketEvent.TvlDrained) drained.events().get(0);
		assertThat(event.pool()).isEqualTo(pool.id());
		assertThat(event.at()).isAfter(drained.at().minus(Duration.ofHours(1))).isBeforeOrEqualTo(drained.at());
		assertThat(event.fraction()).isBetween(0.2, 0.6);

		PoolTick after = drained.pools().get(0);
		double kept = after.tvlUsd() / before.tvlUsd();
		assertThat(kept).isBetween(0.4, 0.8);
		// within the hour only a sliver (under 0.2%) of the drain has flowed back
		assertThat(kept).isCloseTo(1 - event.fraction(), within(0.002));
		if (apyRises) {
			assertThat(after.apyBase() / before.apyBase()).isCloseTo(1 + event.fraction() / 2, within(0.01));
			assertThat(after.utilization()).isGreaterThan(before.utilization());
		}
		else {
			assertThat(after.apyBase()).isEqualTo(before.apyBase());
			assertThat(after.utilization()).isNull();
		}
	}

	@Test
	void anExploitTakesEightyToNinetyFivePercentForGoodAndMakesTheApyErratic() {
		SimulatedMarket market = new SimulatedMarket(23, List.of(LENDING), Runs.T0,
				SimulationSettings.quiet().withExploitsPerYear(6));
		List<MarketStep> days = Runs.run(market, Duration.ofDays(1), Duration.ofDays(2 * 365));
		int hit = IntStream.range(0, days.size())
			.filter((day) -> !days.get(day).events().isEmpty())
			.findFirst()
			.orElseThrow();
		assertThat(hit).as("the exploit leaves quiet days before it and a month after it").isBetween(2, 700);
		assertThat(days.get(hit).events()).singleElement().isInstanceOf(MarketEvent.Exploited.class);
		MarketEvent.Exploited event = (MarketEvent.Exploited) days.get(hit).events().get(0);
		assertThat(event.fraction()).isBetween(0.8, 0.95);

		PoolTick before = days.get(hit - 1).pools().get(0);
		PoolTick after = days.get(hit).pools().get(0);
		assertThat(before.exploited()).isFalse();
		assertThat(after.exploited()).isTrue();
		assertThat(after.tvlUsd() / before.tvlUsd()).isCloseTo(1 - event.fraction(), within(1e-9));
		List<PoolTick> later = days.subList(hit, days.size()).stream().map((day) -> day.pools().get(0)).toList();
		// a pool is exploited once; it stays flagged and its TVL does not come back
		assertThat(days.stream().flatMap((day) -> day.events().stream())).hasSize(1);
		assertThat(later).allSatisfy((tick) -> {
			assertThat(tick.exploited()).isTrue();
			assertThat(tick.tvlUsd()).isCloseTo(after.tvlUsd(), within(after.tvlUsd() * 1e-9));
		});
		// a pool without APY noise had a flat APY; after the exploit it swings
		double[] apysBefore = days.subList(0, hit)
			.stream()
			.mapToDouble((day) -> day.pools().get(0).apyBase())
			.toArray();
		double[] apysAfter = later.stream().mapToDouble(PoolTick::apyBase).toArray();
		assertThat(Runs.standardDeviation(apysBefore)).isLessThan(1e-9);
		assertThat(Runs.standardDeviation(apysAfter)).isGreaterThan(0.2 * Runs.mean(apysAfter));
	}

	/**
	 * A depeg hits the stablecoin on every chain at once: each of its pools is flagged,
	 * its price is the event's 0.85–0.97 and its TVL in dollars shrinks with the price,
	 * while WETH is untouched.
	 */
	@Test
	void aDepegShowsInEveryPoolOfTheStablecoinInItsStep() {
		SimulatedPool usdcOnEthereum = SimulatedPool.of("aave-v3:ethereum:USDC", true, 3.8, 0, 0, null, 1e9, 0.8);
		SimulatedMarket market = new SimulatedMarket(31, List.of(LENDING, usdcOnEthereum, WETH), Runs.T0,
				SimulationSettings.quiet().withDepegsPerYear(20));
		MarketStep depegged = firstStepWithEvents(market, Duration.ofHours(1));
		assertThat(depegged.events()).singleElement().isInstanceOf(MarketEvent.Depegged.class);
		MarketEvent.Depegged event = (MarketEvent.Depegged) depegged.events().get(0);
		assertThat(event.asset()).isEqualTo("USDC");
		assertThat(event.priceUsd()).isBetween(0.85, 0.97);
		for (SimulatedPool usdc : List.of(LENDING, usdcOnEthereum)) {
			PoolTick tick = Runs.tick(depegged, usdc.id());
			assertThat(tick.depegged()).isTrue();
			// recovery within the step is a sliver: half the discount comes back in
			// a week
			assertThat(tick.assetPriceUsd()).isCloseTo(event.priceUsd(), within(0.001));
			assertThat(tick.tvlUsd()).isCloseTo(usdc.initialTvlUsd() * tick.assetPriceUsd(),
					within(usdc.initialTvlUsd() * 1e-9));
		}
		PoolTick weth = Runs.tick(depegged, WETH.id());
		assertThat(weth.depegged()).isFalse();
		assertThat(weth.assetPriceUsd()).isCloseTo(3000, within(1e-6));
	}

	/**
	 * The discount halves every recovery half-life (a week by default): checked after the
	 * first depeg that no other depeg follows within the week.
	 */
	@Test
	void aDepegRecoversHalfItsDiscountInAWeek() {
		SimulatedMarket market = new SimulatedMarket(37, List.of(LENDING), Runs.T0,
				SimulationSettings.quiet().withDepegsPerYear(6));
		List<MarketStep> hours = Runs.run(market, Duration.ofHours(1), Duration.ofDays(2 * 365));
		List<Integer> depegHours = IntStream.range(0, hours.size())
			.filter((hour) -> !hours.get(hour).events().isEmpty())
			.boxed()
			.toList();
		int checked = 0;
		for (int i = 0; i < depegHours.size(); i++) {
			int hour = depegHours.get(i);
			int week = hour + 7 * 24;
			boolean quietWeek = (i + 1 == depegHours.size()) || depegHours.get(i + 1) > week;
			if (!quietWeek || week >= hours.size()) {
				continue;
			}
			MarketEvent.Depegged event = (MarketEvent.Depegged) hours.get(hour).events().get(0);
			double halfLives = Duration.between(event.at(), hours.get(week).at()).toNanos()
					/ (double) Duration.ofDays(7).toNanos();
			double expected = 1 - (1 - event.priceUsd()) * Math.pow(0.5, halfLives);
			PoolTick weekLater = hours.get(week).pools().get(0);
			assertThat(weekLater.assetPriceUsd()).isCloseTo(expected, within(1e-6));
			assertThat(weekLater.assetPriceUsd()).isGreaterThan(event.priceUsd()).isLessThan(0.99);
			assertThat(weekLater.depegged()).isTrue();
			checked++;
		}
		assertThat(checked).isPositive();
	}

	private static MarketStep firstStepWithEvents(SimulatedMarket market, Duration step) {
		for (int i = 0; i < 100_000; i++) {
			MarketStep next = market.advance(step);
			if (!next.events().isEmpty()) {
				return next;
			}
		}
		throw new AssertionError("no event in 100,000 steps");
	}

}
