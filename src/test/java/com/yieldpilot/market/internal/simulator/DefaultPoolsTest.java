package com.yieldpilot.market.internal.simulator;

import java.util.List;
import java.util.stream.Stream;

import com.yieldpilot.shared.PoolId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultPoolsTest {

	private final List<SimulatedPool> pools = SimulatedMarket.defaultPools();

	@Test
	void containsTheRequiredPoolsAndAtLeastADozenOnThreeChains() {
		assertThat(this.pools).hasSizeGreaterThanOrEqualTo(12);
		assertThat(this.pools.stream().map(SimulatedPool::id)).doesNotHaveDuplicates()
			.contains(PoolId.parse("aave-v3:base:USDC"), PoolId.parse("compound-v3:base:USDC"),
					PoolId.parse("morpho:base:USDC-prime"), PoolId.parse("aave-v3:ethereum:USDC"),
					PoolId.parse("aave-v3:arbitrum:USDC"));
		assertThat(this.pools.stream().map(SimulatedPool::chain).distinct()).containsExactlyInAnyOrder("base",
				"ethereum", "arbitrum");
	}

	@Test
	void someRewardEmissionsEnd() {
		assertThat(this.pools).filteredOn((pool) -> pool.initialRewardApy() > 0 && pool.emissionEnd() != null)
			.hasSizeGreaterThanOrEqualTo(3);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("defaultPools")
	void magnitudesAreRealistic(SimulatedPool pool) {
		if (pool.stablecoin()) {
			assertThat(pool.meanBaseApy()).isBetween(3.0, 8.0);
		}
		else {
			assertThat(pool.asset()).isEqualTo("WETH");
			assertThat(pool.meanBaseApy()).isBetween(1.5, 3.0);
		}
		assertThat(pool.initialTvlUsd()).isBetween(20e6, 2e9);
		if (pool.initialRewardApy() > 0) {
			assertThat(pool.initialRewardApy()).isBetween(1.0, 4.0);
		}
		assertThat(pool.id().asset()).startsWith(pool.asset());
	}

	static Stream<SimulatedPool> defaultPools() {
		return SimulatedMarket.defaultPools().stream();
	}

}
