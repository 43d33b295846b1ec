package com.yieldpilot.market;

import java.time.Duration;

import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Local mode: the scheduled refresh fills the market from the simulator, and its numbers
 * move.
 */
class LocalMarketIT extends ApplicationIT {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MetricCatalog catalog;

	@Test
	void scheduledRefreshShowsTheSimulatedPoolsWithMovingNumbers() {
		String token = credentials().farmerToken();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> http().get("/api/v1/pools/aave-v3:base:USDC", token).statusCode() == 200);
		double first = apy(token);
		await().atMost(Duration.ofSeconds(30)).until(() -> apy(token) != first);

		String pools = http().get("/api/v1/pools?limit=1000", token).body();
		assertThat(pools).contains("aave-v3:base:USDC", "compound-v3:base:USDC", "morpho:base:USDC-prime",
				"aave-v3:ethereum:USDC", "aave-v3:arbitrum:USDC");
		JsonNode usdc = this.json.readTree(http().get("/api/v1/pools/aave-v3:base:USDC", token).body());
		assertThat(usdc.get("fresh").asBoolean()).isTrue();
		assertThat(usdc.get("metrics").get("tvl").get("value").asDouble()).isGreaterThan(1e6);
	}

	@Test
	void catalogOffersWhatTheArchitectureExampleRuleReads() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.catalog.pool(PoolId.parse("morpho:base:USDC-prime")).isPresent());
		assertThat(this.catalog.metrics(PoolId.parse("aave-v3:base:USDC"))).contains(Metric.APY, Metric.TVL,
				Metric.UTILIZATION, Metric.GAS);
		assertThat(this.catalog.metrics(PoolId.parse("morpho:base:USDC-prime"))).contains(Metric.APY)
			.doesNotContain(Metric.UTILIZATION);
		assertThat(this.catalog.suggestions("aave-v3:base:USDT", 1)).containsExactly(PoolId.parse("aave-v3:base:USDC"));
	}

	private double apy(String token) {
		return this.json.readTree(http().get("/api/v1/pools/aave-v3:base:USDC", token).body())
			.get("metrics")
			.get("apy")
			.get("value")
			.asDouble();
	}

}
