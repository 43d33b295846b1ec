package com.yieldpilot.market.internal.simulator;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ContractTest {

	private static final SimulatedPool USDC = SimulatedPool.of("aave-v3:base:USDC", true, 4, 1, 0, null, 1e8, 0.8);

	@Test
	void stepsMustBePositive() {
		SimulatedMarket market = new SimulatedMarket(1, List.of(USDC), Runs.T0);
		assertThatIllegalArgumentException().isThrownBy(() -> market.advance(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> market.advance(Duration.ofSeconds(-1)));
		assertThat(market.now()).isEqualTo(Runs.T0);
	}

	@Test
	void eachStepIsObservedAtItsEndAndItsEventsFallInsideIt() {
		SimulatedMarket market = new SimulatedMarket(1, SimulatedMarket.defaultPools(), Runs.T0,
				SimulationSettings.defaults().withGasSpikesPerDay(48));
		MarketStep step = market.advance(Duration.ofHours(6));
		assertThat(step.at()).isEqualTo(Runs.T0.plus(Duration.ofHours(6))).isEqualTo(market.now());
		assertThat(step.pools()).hasSize(12).allSatisfy((tick) -> assertThat(tick.observedAt()).isEqualTo(step.at()));
		assertThat(step.chains()).extracting(ChainTick::chain).containsExactly("base", "ethereum", "arbitrum");
		assertThat(step.events()).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.at()).isAfter(Runs.T0).isBeforeOrEqualTo(step.at()));
		assertThat(step.events()).extracting(MarketEvent::at).isSorted();
	}

	@Test
	void refusesMarketsItCannotSimulate() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SimulatedMarket(1, List.of(), Runs.T0));
		assertThatIllegalArgumentException().isThrownBy(() -> new SimulatedMarket(1, List.of(USDC, USDC), Runs.T0))
			.withMessageContaining("twice");
		SimulatedPool usdcAsVolatile = SimulatedPool.of("compound-v3:base:USDC", false, 4, 1, 0, null, 1e8, 0.8);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SimulatedMarket(1, List.of(USDC, usdcAsVolatile), Runs.T0))
			.withMessageContaining("stablecoin");
		SimulatedPool unknown = SimulatedPool.of("aave-v3:base:LINK", false, 1, 0.1, 0, null, 1e8, 0.3);
		assertThatIllegalArgumentException().isThrownBy(() -> new SimulatedMarket(1, List.of(unknown), Runs.T0))
			.withMessageContaining("LINK");
	}

	@Test
	void refusesPoolsThatContradictTheirId() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new SimulatedPool(USDC.id(), "compound-v3", "base", "USDC", true, 4, 1, 0, null, 1e8, 0.8));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulatedPool.of("aave-v3:base:USDC", true, 4, 1, 0, null, 1e8, 1.0))
			.withMessageContaining("utilization");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulatedPool.of("aave-v3:base:USDC", true, 0, 1, 0, null, 1e8, 0.8))
			.withMessageContaining("mean base APY");
	}

}
