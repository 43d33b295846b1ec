package com.yieldpilot.market;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import com.yieldpilot.market.internal.ingest.MarketRefresh;
import com.yieldpilot.market.internal.store.SampleStore;
import com.yieldpilot.market.internal.store.SourceStatusStore;
import com.yieldpilot.support.Devnet;
import com.yieldpilot.support.Http;
import com.yieldpilot.support.LocalCredentials;
import com.yieldpilot.support.MockMarket;
import com.yieldpilot.support.SecondApplication;
import com.yieldpilot.support.TestHomes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A node configured as in production, end to end: the reviewed registry loaded at start,
 * Base read over an RPC list whose first URL is dead (and carries an API key in its
 * path), Arbitrum over a dead URL only. The Base node is anvil reporting chain id 8453,
 * with mock Aave, Comet, ERC-4626 and Chainlink contracts an admin registers over REST.
 */
class ProductionChainIT {

	private static final String KEY = "Xk3q9LmNoPqRsTuVwXyZ0123456789ab";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static Devnet base;

	private static MockMarket market;

	private static ConfigurableApplicationContext app;

	private static Http http;

	private static LocalCredentials credentials;

	@BeforeAll
	static void start() throws Exception {
		base = Devnet.start(8453);
		market = MockMarket.deploy(base);
		Path home = TestHomes.create("chain-prod");
		app = SecondApplication.start(home,
				"--yieldpilot.chain.rpc.base=" + closedPort() + "/v2/" + KEY + "," + base.rpcUrl(),
				"--yieldpilot.chain.rpc.arbitrum=" + closedPort(), "--yieldpilot.chain.rpc-client.max-attempts=1",
				"--yieldpilot.market.chain.enabled=true", "--yieldpilot.market.registry.load=true",
				"--yieldpilot.market.refresh.enabled=false", "--yieldpilot.market.simulator.enabled=false",
				"--yieldpilot.chain.local.enabled=false");
		http = new Http(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
		credentials = LocalCredentials.read(home);
		String usdc = market.usdc().getContractAddress();
		String feed = market.feed().getContractAddress();
		register("test-vault:base:USDC", "erc4626", market.vault().getContractAddress(), usdc, feed);
		register("test-aave:base:USDC", "aave-v3", market.aave().getContractAddress(), usdc, feed);
		register("test-comet:base:USDC", "compound-v3", market.comet().getContractAddress(), usdc, feed);
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
		if (base != null) {
			base.close();
		}
	}

	@Test
	void loadsTheReviewedRegistryAtStart() {
		JsonNode page = json.readTree(http.get("/api/v1/admin/pools?limit=1000", credentials.adminToken()).body());

		List<JsonNode> fromFile = page.get("items")
			.valueStream()
			.filter(p -> "FILE".equals(p.get("managedBy").asString(null)))
			.toList();
		assertThat(fromFile).extracting(p -> p.get("id").asString())
			.contains("aave-v3:ethereum:USDC", "compound-v3:base:USDC", "morpho:arbitrum:USDC:gauntlet-prime");
		assertThat(fromFile).allSatisfy(p -> assertThat(p.get("origin").asString()).isEqualTo("REGISTRY"));
	}

	@Test
	void readsTheRegistryPoolsOfEachConfiguredChainFromThatChain() {
		app.getBean(MarketRefresh.class).refresh();

		JsonNode aave = metrics("test-aave:base:USDC");
		JsonNode comet = metrics("test-comet:base:USDC");
		JsonNode vault = metrics("test-vault:base:USDC");
		assertThat(aave.get("apyBase").get("value").asDouble()).isCloseTo(MockMarket.APY_5_PERCENT, within(1e-4));
		assertThat(aave.get("apyBase").get("source").asString()).isEqualTo("CHAIN");
		assertThat(aave.get("apyBase").get("block").asLong()).isPositive();
		assertThat(aave.get("price").get("value").asDouble()).isEqualTo(1.0001);
		assertThat(comet.get("apyBase").get("value").asDouble()).isCloseTo(MockMarket.APY_5_PERCENT, within(1e-4));
		assertThat(comet.get("utilization").get("value").asDouble()).isEqualTo(0.9);
		assertThat(comet.get("tvl").get("value").asDouble()).isCloseTo(2_000_000 * 1.0001, within(1e-6));
		assertThat(vault.get("sharePrice").get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
		assertThat(app.getBean(SampleStore.class).latest(List.of("chain:base"))).extracting(s -> s.metric())
			.contains(Metric.GAS, Metric.GAS_PRIORITY);
		assertThat(json.readTree(http.get("/api/v1/pools/aave-v3:base:USDC", credentials.farmerToken()).body())
			.get("metrics")
			.isEmpty()).as("the registry's real Base pools have no code on the test chain: no values, no harm")
			.isTrue();
	}

	@Test
	void aChainThatCannotBeReachedNeverStopsTheOthers() {
		app.getBean(MarketRefresh.class).refresh();

		SourceStatusStore statuses = app.getBean(SourceStatusStore.class);
		SourceStatus arbitrum = statuses.find("chain-arbitrum").orElseThrow();
		SourceStatus baseStatus = statuses.find("chain-base").orElseThrow();
		assertThat(arbitrum.consecutiveFailures()).isPositive();
		assertThat(arbitrum.lastError()).contains("No RPC URL of arbitrum answered");
		assertThat(baseStatus.consecutiveFailures()).isZero();
		assertThat(baseStatus.lastSuccess()).isNotNull();
	}

	@Test
	void aDegradedSourceOrRpcUrlShowsAsDegradedAndStillAnswers200() {
		for (int i = 0; i < SourceStatus.DEGRADED_AFTER; i++) {
			app.getBean(MarketRefresh.class).refresh();
		}

		HttpResponse<String> anonymous = http.get("/actuator/health", null);
		HttpResponse<String> admin = http.get("/actuator/health", credentials.adminToken());

		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(json.readTree(anonymous.body()).get("status").asString()).isEqualTo("DEGRADED");
		assertThat(anonymous.body()).doesNotContain("components");
		assertThat(admin.statusCode()).isEqualTo(200);
		JsonNode components = json.readTree(admin.body()).get("components");
		assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
		assertThat(components.get("scheduler").get("status").asString()).isEqualTo("UP");
		JsonNode sources = components.get("marketSources");
		assertThat(sources.get("status").asString()).isEqualTo("DEGRADED");
		assertThat(sources.get("details").get("chain-arbitrum").get("state").asString()).isEqualTo("degraded");
		assertThat(sources.get("details").get("chain-arbitrum").get("errorRate").asDouble()).isEqualTo(1.0);
		assertThat(sources.get("details").get("chain-base").get("state").asString()).isEqualTo("ok");
		JsonNode chains = components.get("chains");
		assertThat(chains.get("status").asString()).isEqualTo("DEGRADED");
		JsonNode baseUrls = chains.get("details").get("base").get("urls");
		assertThat(baseUrls.get(0).get("url").asString()).endsWith("/…");
		assertThat(baseUrls.get(0).get("failures").asLong()).isPositive();
		assertThat(baseUrls.get(1).get("verification").asString()).isEqualTo("VERIFIED");
		assertThat(admin.body()).as("the API key in the dead URL's path").doesNotContain(KEY);
	}

	private static JsonNode metrics(String pool) {
		HttpResponse<String> response = http.get("/api/v1/pools/" + pool, credentials.farmerToken());
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body()).get("metrics");
	}

	private static void register(String id, String kind, String contract, String asset, String feed) {
		HttpResponse<String> created = http.post("/api/v1/admin/pools", credentials.adminToken(), """
				{"id": "%s", "kind": "%s", "contract": "%s", "asset": "%s", "assetDecimals": 6,
				 "priceFeed": "%s", "stablecoin": true}""".formatted(id, kind, contract, asset, feed));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	private static String closedPort() throws IOException {
		try (ServerSocket free = new ServerSocket(0)) {
			return "http://127.0.0.1:" + free.getLocalPort();
		}
	}

}
