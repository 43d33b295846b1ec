package com.yieldpilot.market.internal.devnet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.yieldpilot.market.internal.simulator.MarketEvent;
import com.yieldpilot.market.internal.simulator.MarketStep;
import com.yieldpilot.market.internal.simulator.PoolTick;
import com.yieldpilot.shared.PoolId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DevnetUpdateTest {

	private static final Instant AT = Instant.parse("2026-11-21T00:00:00Z");

	private static final PoolId USDC = PoolId.parse("aave-v3:base:USDC");

	private static final PoolId WETH = PoolId.parse("aave-v3:base:WETH");

	private static final Map<PoolId, String> ASSETS = Map.of(USDC, "USDC", WETH, "WETH");

	@Test
	void vaultGrowsByTheBaseApyCompoundedOverTheSimulatedTimeNotByRewards() {
		MarketStep step = step(List.of(), tick(USDC, 4.0, 2.5, 1.0001), tick(WETH, 1.8, 0, 3012.5));

		DevnetUpdate update = DevnetUpdate.of(step, Duration.ofDays(73), ASSETS);

		assertThat(update.growth().get(USDC)).isCloseTo(Math.pow(1.04, 0.2), within(1e-15));
		assertThat(update.growth().get(WETH)).isCloseTo(Math.pow(1.018, 0.2), within(1e-15));
		assertThat(update.prices()).containsExactlyInAnyOrderEntriesOf(Map.of("USDC", 1.0001, "WETH", 3012.5));
	}

	@Test
	void anExploitTakesItsFractionOnTopOfTheStepsGrowth() {
		MarketStep step = step(List.of(new MarketEvent.Exploited(AT, USDC, 0.85)), tick(USDC, 4.0, 0, 1),
				tick(WETH, 1.8, 0, 3000));

		DevnetUpdate update = DevnetUpdate.of(step, Duration.ofDays(73), ASSETS);

		assertThat(update.growth().get(USDC)).isCloseTo(Math.pow(1.04, 0.2) * 0.15, within(1e-15));
		assertThat(update.growth().get(WETH)).isCloseTo(Math.pow(1.018, 0.2), within(1e-15));
	}

	@Test
	void theFirstObservationOnlySetsPrices() {
		DevnetUpdate update = DevnetUpdate.of(step(List.of(), tick(USDC, 4.0, 0, 0.9995)), Duration.ZERO, ASSETS);

		assertThat(update.growth()).isEmpty();
		assertThat(update.prices()).containsExactly(Map.entry("USDC", 0.9995));
	}

	@Test
	void poolsOutsideThePlanAreIgnored() {
		PoolId other = PoolId.parse("spark:ethereum:DAI");
		DevnetUpdate update = DevnetUpdate.of(step(List.of(), tick(other, 5.5, 0, 1)), Duration.ofHours(1), ASSETS);

		assertThat(update.isEmpty()).isTrue();
	}

	@Test
	void aLaterUpdateMultipliesGrowthAndReplacesPrices() {
		DevnetUpdate earlier = new DevnetUpdate(Map.of(USDC, 1.01, WETH, 1.02), Map.of("USDC", 0.99, "WETH", 3000.0));
		DevnetUpdate later = new DevnetUpdate(Map.of(USDC, 1.03), Map.of("USDC", 1.0));

		DevnetUpdate both = earlier.then(later);

		assertThat(both.growth().get(USDC)).isCloseTo(1.01 * 1.03, within(1e-15));
		assertThat(both.growth().get(WETH)).isEqualTo(1.02);
		assertThat(both.prices()).containsExactlyInAnyOrderEntriesOf(Map.of("USDC", 1.0, "WETH", 3000.0));
		assertThat(DevnetUpdate.NONE.then(later)).isEqualTo(later);
	}

	@Test
	void withoutAnAppliedPartLeavesOnlyWhatCameAfterIt() {
		DevnetUpdate applied = new DevnetUpdate(Map.of(USDC, 1.01, WETH, 1.02), Map.of("USDC", 0.99, "WETH", 3000.0));
		DevnetUpdate later = new DevnetUpdate(Map.of(USDC, 1.03), Map.of("USDC", 1.0));

		DevnetUpdate left = applied.then(later).without(applied);

		assertThat(left.growth()).containsOnlyKeys(USDC);
		assertThat(left.growth().get(USDC)).isCloseTo(1.03, within(1e-15));
		assertThat(left.prices()).as("WETH's price was set already").containsExactly(Map.entry("USDC", 1.0));
		assertThat(applied.without(applied).isEmpty()).isTrue();
		DevnetUpdate emptied = new DevnetUpdate(Map.of(USDC, 0.0), Map.of());
		assertThat(emptied.then(later).without(emptied).growth()).as("an emptied vault has nothing to grow").isEmpty();
	}

	private static MarketStep step(List<MarketEvent> events, PoolTick... ticks) {
		return new MarketStep(AT, List.of(ticks), List.of(), events);
	}

	private static PoolTick tick(PoolId pool, double apyBase, double apyReward, double price) {
		return new PoolTick(pool, AT, apyBase, apyReward, apyBase + apyReward, 1e8, 0.8, price, false, false);
	}

}
