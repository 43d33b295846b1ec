package com.yieldpilot.market.internal.defillama;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.PoolSnapshot;
import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.market.internal.store.PoolRegistry;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DefiLlama's {@code /pools}, served by a local stand-in in its real wire format, goes
 * through the client and the source into the store, and every accepted pool comes out of
 * the REST API with the file's values.
 */
class DefiLlamaIngestionIT extends ApplicationIT {

	private static final Path RECORDED = Path.of("..", "shared", "data", "defillama-yields",
			"pools_2025-08-31.pools-shaped.derived.json");

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MarketIngestion ingestion;

	@Autowired
	PoolRegistry registry;

	@Autowired
	MarketData market;

	private HttpServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void poolsBecomeWatchedPoolsWithReadableIdsAndTheirValues() throws Exception {
		String project = "lend-" + UUID.randomUUID().toString().substring(0, 6);
		String a = UUID.randomUUID().toString();
		String b = UUID.randomUUID().toString();
		String c = UUID.randomUUID().toString();
		String body = """
				{"status":"success","data":[
				 {"pool":"%s","chain":"Base","project":"%s","symbol":"USDC","tvlUsd":52000000,"apy":4.5,"apyBase":3.9,"apyReward":0.6,"stablecoin":true},
				 {"pool":"%s","chain":"Base","project":"%s","symbol":"WETH","tvlUsd":8100000,"apy":"2.25","apyBase":2.25,"apyReward":null},
				 {"pool":"%s","chain":"Base","project":"%s","symbol":"WETH","tvlUsd":900000,"apy":3.1,"apyBase":3.1},
				 {"pool":"%s","chain":"Base","project":"%s","symbol":"JUNK","tvlUsd":"lots","apy":1.0}
				]}"""
			.formatted(a, project, b, project, c, project, UUID.randomUUID(), project);
		DefiLlamaSource source = source(body.getBytes(StandardCharsets.UTF_8));

		this.ingestion.ingest(source.poll(Instant.now()).orElseThrow());

		PoolSnapshot usdc = this.market.pool(PoolId.parse(project + ":base:USDC")).orElseThrow();
		assertThat(usdc.pool().defiLlamaId()).isEqualTo(a);
		assertThat(usdc.value(Metric.APY).orElseThrow().value()).isEqualTo(4.5);
		assertThat(usdc.value(Metric.TVL).orElseThrow().value()).isEqualTo(52_000_000);
		// two WETH pools would share an id: each gets DefiLlama's id prefix as qualifier
		PoolId first = PoolId.parse(project + ":base:WETH:" + b.replace("-", "").substring(0, 8));
		assertThat(this.market.pool(first).orElseThrow().value(Metric.APY).orElseThrow().value()).isEqualTo(2.25);
		assertThat(this.market.pool(PoolId.parse(project + ":base:WETH"))).isEmpty();
		assertThat(this.market.pool(PoolId.parse(project + ":base:JUNK"))).as("skipped: junk TVL").isEmpty();

		// a second poll maps the same DefiLlama pools onto the same ids
		assertThat(this.registry.byDefiLlamaId()).containsEntry(b, first);
	}

	@Test
	void everyValidPoolOfARealRecordedResponseIsServedWithTheFilesValues() throws Exception {
		if (!Files.exists(RECORDED)) {
			System.err.println("\n!!!!!!!!!! SKIPPED: " + RECORDED.toAbsolutePath()
					+ " is absent (shared data lives beside the project in CI) !!!!!!!!!!\n");
			Assumptions.abort("recorded DefiLlama data absent");
		}
		DefiLlamaSource source = source(Files.readAllBytes(RECORDED));
		this.ingestion.ingest(source.poll(Instant.now()).orElseThrow());

		var ids = this.registry.byDefiLlamaId();
		int checked = 0;
		for (JsonNode pool : this.json.readTree(RECORDED.toFile()).get("data")) {
			String uuid = pool.get("pool").asString().toLowerCase(java.util.Locale.ROOT);
			PoolId id = ids.get(uuid);
			assertThat(id).as("pool %s is registered", uuid).isNotNull();
			if (checked++ % 50 != 0) {
				continue; // every 50th pool also goes through the REST API
			}
			JsonNode served = this.json.readTree(http().get("/api/v1/pools/" + id, credentials().farmerToken()).body());
			assertThat(served.get("metrics").get("tvl").get("value").asDouble()).as(id.toString())
				.isEqualTo(pool.get("tvlUsd").asDouble());
			assertThat(served.get("metrics").get("apy").get("value").asDouble()).as(id.toString())
				.isEqualTo(pool.get("apy").asDouble());
		}
		assertThat(checked).isGreaterThan(1000);
	}

	private DefiLlamaSource source(byte[] body) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/pools", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
		URI base = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		DefiLlamaClient client = new DefiLlamaClient(DefiLlamaProperties.defaults(base), null);
		return new DefiLlamaSource(client, this.registry, Duration.ofMinutes(10));
	}

}
