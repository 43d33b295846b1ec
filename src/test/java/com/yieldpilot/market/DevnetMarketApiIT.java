package com.yieldpilot.market;

import java.time.Duration;

import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Local mode on its devnet: the simulated pools have vaults on the local chain, and the
 * pools API reports their share prices as read on chain, growing as the simulator accrues
 * yield.
 */
class DevnetMarketApiIT extends ApplicationIT {

	private static final String POOL = "aave-v3:base:USDC";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MetricCatalog catalog;

	@Test
	void poolReportsAnOnChainSharePriceWithItsBlockThatGrowsOverTime() {
		String token = credentials().farmerToken();
		await().atMost(Duration.ofSeconds(60)).until(() -> sharePrice(token) != null);
		JsonNode first = sharePrice(token);
		assertThat(first.get("source").asString()).isEqualTo("CHAIN");
		assertThat(first.get("unit").asString()).isEqualTo("RATIO");
		assertThat(first.get("block").isNull()).as("a chain read names its block").isFalse();
		assertThat(first.get("block").asLong()).isPositive();
		assertThat(first.get("value").asDouble()).isBetween(1.0, 1.01);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode later = sharePrice(token);
			assertThat(later.get("value").asDouble()).isGreaterThan(first.get("value").asDouble());
			assertThat(later.get("block").asLong()).isGreaterThan(first.get("block").asLong());
		});
	}

	@Test
	void everySimulatedPoolIsRegisteredWithItsDevnetVault() {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.catalog.pool(PoolId.parse(POOL)).map(PoolDescriptor::vaultAddress).isPresent());

		// the simulator's own pools: other tests register simulated pools of their own
		java.util.Set<PoolId> simulator = com.yieldpilot.market.internal.simulator.SimulatedMarket.defaultPools()
			.stream()
			.map(com.yieldpilot.market.internal.simulator.SimulatedPool::id)
			.collect(java.util.stream.Collectors.toSet());
		assertThat(this.catalog.pools()).filteredOn(p -> simulator.contains(p.id()))
			.hasSize(12)
			.allSatisfy(p -> assertThat(p.origin()).isEqualTo(PoolDescriptor.Origin.SIMULATED))
			.allSatisfy(p -> assertThat(p.vaultAddress()).as(p.id().toString()).matches("0x[0-9a-fA-F]{40}"))
			.extracting(PoolDescriptor::vaultAddress)
			.doesNotHaveDuplicates();
	}

	private @Nullable JsonNode sharePrice(String token) {
		var response = http().get("/api/v1/pools/" + POOL, token);
		if (response.statusCode() != 200) {
			return null;
		}
		JsonNode metric = this.json.readTree(response.body()).get("metrics").get("sharePrice");
		return (metric == null || metric.isNull()) ? null : metric;
	}

}
