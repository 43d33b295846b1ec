package com.yieldpilot.market;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.yieldpilot.market.internal.ingest.MarketBatch;
import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A batch goes in; the catalog, the REST API and the time series show exactly it. */
class MarketIngestionIT extends ApplicationIT {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MarketIngestion ingestion;

	@Autowired
	MetricCatalog catalog;

	@Autowired
	MarketData market;

	private final String tag = UUID.randomUUID().toString().substring(0, 6);

	private final PoolId usdc = PoolId.parse("test-" + this.tag + ":base:USDC");

	private final PoolId weth = PoolId.parse("test-" + this.tag + ":base:WETH");

	@Test
	void storedBatchIsAnnouncedAndServedWithTheSameValues() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		MarketUpdated updated = this.ingestion.ingest(batch(now, 4.25, 123_000_000));

		assertThat(updated.pools()).containsExactly(this.usdc, this.weth);
		assertThat(updated.chains()).containsExactly("base");
		assertThat(updated.metrics()).contains(Metric.APY, Metric.TVL, Metric.GAS);
		assertThat(updated.samples()).isEqualTo(5);

		HttpResponse<String> response = http().get("/api/v1/pools/" + this.usdc, credentials().farmerToken());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode pool = this.json.readTree(response.body());
		assertThat(pool.get("metrics").get("apy").get("value").asDouble()).isEqualTo(4.25);
		assertThat(pool.get("metrics").get("tvl").get("value").asDouble()).isEqualTo(123_000_000);
		assertThat(pool.get("metrics").get("apy").get("source").asString()).isEqualTo("SIMULATOR");
		assertThat(pool.get("fresh").asBoolean()).isTrue();
		assertThat(http().get("/api/v1/pools?limit=1000", credentials().farmerToken()).body())
			.contains(this.usdc.toString(), this.weth.toString());
	}

	@Test
	void catalogKnowsEachPoolsMetricsIncludingItsChainsGasAndSuggestsNearIds() {
		this.ingestion.ingest(batch(Instant.now(), 4.0, 1_000_000));
		assertThat(this.catalog.metrics(this.usdc)).contains(Metric.APY, Metric.TVL, Metric.GAS, Metric.RISK)
			.doesNotContain(Metric.UTILIZATION);
		assertThat(this.catalog.metrics(PoolId.parse("nowhere:base:USDC"))).isEmpty();
		assertThat(this.catalog.suggestions("test-" + this.tag + ":base:USDT", 3)).first().isEqualTo(this.usdc);
	}

	@Test
	void reingestingTheSameBatchStoresNothingTwice() {
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		assertThat(this.ingestion.ingest(batch(at, 5.0, 2_000_000)).samples()).isEqualTo(5);
		assertThat(this.ingestion.ingest(batch(at, 5.0, 2_000_000)).samples()).isZero();
	}

	@Test
	void aColumnOfValuesIsStoredOnceAnnouncedAndAnOlderOneLeavesTheLatestAlone() throws Exception {
		this.ingestion.ingest(batch(Instant.now(), 4.0, 1_000_000));
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Map<PoolId, Double> scores = new LinkedHashMap<>();
		scores.put(this.weth, 0.625);
		scores.put(this.usdc, 0.25);

		MarketUpdated updated = this.ingestion.ingestColumn(Source.RISK_MODEL, Metric.RISK, at, scores);
		assertThat(updated.pools()).containsExactly(this.weth, this.usdc);
		assertThat(updated.metrics()).containsExactly(Metric.RISK);
		assertThat(updated.source()).isEqualTo(Source.RISK_MODEL);
		assertThat(updated.samples()).isEqualTo(2);
		assertThat(this.ingestion.ingestColumn(Source.RISK_MODEL, Metric.RISK, at, scores).samples()).as("stored once")
			.isZero();
		assertThat(this.ingestion
			.ingestColumn(Source.RISK_MODEL, Metric.RISK, at.minusSeconds(60), Map.of(this.usdc, 0.875))
			.samples()).isEqualTo(1);

		assertThat(this.market.history(this.usdc, Metric.RISK, at.minusSeconds(120), at.plusSeconds(1)))
			.extracting(MetricSample::value)
			.containsExactly(0.875, 0.25);
		JsonNode pool = this.json
			.readTree(http().get("/api/v1/pools/" + this.usdc, credentials().farmerToken()).body());
		assertThat(pool.get("metrics").get("risk").get("value").asDouble()).as("the newest, not the last written")
			.isEqualTo(0.25);
		assertThat(pool.get("metrics").get("risk").get("source").asString()).isEqualTo("RISK_MODEL");
		assertThatThrownBy(() -> this.ingestion.ingestColumn(Source.SIMULATOR, Metric.GAS, at, Map.of(this.usdc, 1.0)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not a pool's metric");
	}

	@Test
	void historyComesBackInTimeOrderAndOldSamplesGetTheirOwnMonthlyPartition() throws Exception {
		Instant start = Instant.parse("2024-01-10T00:00:00Z");
		for (int hour = 0; hour < 48; hour++) {
			this.ingestion.ingest(new MarketBatch(Source.SIMULATOR, start.plus(Duration.ofHours(hour)),
					List.of(pool(this.usdc)),
					List.of(sample(this.usdc, Metric.APY, start.plus(Duration.ofHours(hour)), 3.0 + hour / 100.0))));
		}
		List<MetricSample> series = this.market.history(this.usdc, Metric.APY, start, start.plus(Duration.ofDays(2)));
		assertThat(series).hasSize(48);
		assertThat(series).isSortedAccordingTo(java.util.Comparator.comparing(MetricSample::observedAt));
		assertThat(series.get(47).value()).isCloseTo(3.47, within(1e-9));
		assertThat(this.dsl.fetchValue("select to_regclass('metric_sample_2024_01')::text"))
			.isEqualTo("metric_sample_2024_01");

		HttpResponse<String> history = http().get(
				"/api/v1/pools/" + this.usdc + "/history?metric=apy&from=2024-01-10T00:00:00Z&to=2024-01-11T00:00:00Z",
				credentials().farmerToken());
		assertThat(this.json.readTree(history.body()).get("points")).hasSize(24);
	}

	@Test
	void valueOlderThanItsSourceAllowsIsStale() {
		Instant old = Instant.now().minus(Duration.ofMinutes(30));
		this.ingestion.ingest(batch(old, 4.0, 1_000_000));
		PoolSnapshot snapshot = this.market.pool(this.usdc).orElseThrow();
		assertThat(snapshot.value(Metric.APY)).hasValueSatisfying(v -> assertThat(v.stale()).isTrue());
		assertThat(snapshot.fresh()).isFalse();
	}

	@Test
	void badRequestsGetClearProblems() {
		String token = credentials().farmerToken();
		assertThat(http().get("/api/v1/pools/not-a-pool", token).body()).contains("protocol:chain:asset");
		assertThat(http().get("/api/v1/pools/nowhere:base:USDC", token).statusCode()).isEqualTo(404);
		HttpResponse<String> typo = http().get("/api/v1/pools/aave-v2:base:USDC", token);
		assertThat(typo.statusCode()).isEqualTo(404);
		assertThat(typo.body()).as("says so, with the closest known pools")
			.contains("Unknown pool 'aave-v2:base:USDC'. Did you mean aave-v3:base:USDC");
		assertThat(http().get("/api/v1/pools/aave-v2:base:USDC/history", token).body())
			.contains("Unknown pool 'aave-v2:base:USDC'");
		HttpResponse<String> metric = http().get("/api/v1/pools/" + this.usdc + "/history?metric=apr", token);
		assertThat(metric.statusCode()).isEqualTo(400);
		assertThat(metric.body()).contains("Unknown metric 'apr'");
		assertThat(http().get("/api/v1/pools", null).statusCode()).isEqualTo(401);
	}

	private MarketBatch batch(Instant at, double apy, double tvl) {
		List<MetricSample> samples = new ArrayList<>();
		samples.add(sample(this.usdc, Metric.APY, at, apy));
		samples.add(sample(this.usdc, Metric.TVL, at, tvl));
		samples.add(sample(this.weth, Metric.APY, at, 2.1));
		samples.add(sample(this.weth, Metric.PRICE, at, 3012.5));
		samples.add(new MetricSample(MetricSample.chainSubject("base"), Metric.GAS, at, 0.02, Source.SIMULATOR, null));
		return new MarketBatch(Source.SIMULATOR, at, List.of(pool(this.usdc), pool(this.weth)), samples);
	}

	private static PoolDescriptor pool(PoolId id) {
		return new PoolDescriptor(id, null, null, id.asset().startsWith("USD"), PoolDescriptor.Origin.SIMULATED);
	}

	private static MetricSample sample(PoolId pool, Metric metric, Instant at, double value) {
		return new MetricSample(pool.toString(), metric, at, value, Source.SIMULATOR, null);
	}

}
