package com.yieldpilot.market;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.yieldpilot.market.internal.ingest.MarketBatch;
import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pools explorer's query against the real database, and its REST face. Each test
 * works on pools of its own protocol, so the simulated market running beside it never
 * matches.
 */
class PoolExplorerIT extends ApplicationIT {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MarketIngestion ingestion;

	@Autowired
	MarketData market;

	private final String protocol = "explore-" + UUID.randomUUID().toString().substring(0, 8);

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private PoolId baseUsdc;

	private PoolId baseUsdt;

	private PoolId ethereumUsdc;

	private PoolId arbitrumWeth;

	private PoolId baseDai;

	@BeforeEach
	void market() {
		this.baseUsdc = pool("base", "USDC", 3.0, 1_000_000.0, 0.2);
		this.baseUsdt = pool("base", "USDT", 6.0, 50_000_000.0, null);
		this.ethereumUsdc = pool("ethereum", "usdc", 4.0, 8_000_000.0, 0.4);
		this.arbitrumWeth = pool("arbitrum", "WETH", 12.0, 200_000_000.0, 0.7);
		this.baseDai = pool("base", "DAI", null, null, null);
	}

	@Test
	void eachFilterNarrowsToThePoolsItDescribes() {
		assertThat(ids(filter().chain("BASE"))).containsExactly(this.baseDai, this.baseUsdc, this.baseUsdt);
		assertThat(ids(filter().asset("USDC"))).containsExactly(this.baseUsdc, this.ethereumUsdc);
		assertThat(ids(filter().asset("usdt"))).containsExactly(this.baseUsdt);
		assertThat(ids(filter().minApy(5.0))).containsExactly(this.arbitrumWeth, this.baseUsdt);
		assertThat(ids(filter().maxApy(4.0))).containsExactly(this.baseUsdc, this.ethereumUsdc);
		assertThat(ids(filter().minApy(4.0).maxApy(6.0))).containsExactly(this.baseUsdt, this.ethereumUsdc);
		assertThat(ids(filter().minTvl(10_000_000.0))).containsExactly(this.arbitrumWeth, this.baseUsdt);
		assertThat(ids(filter().maxRisk(0.5))).as("no risk score: only passes without a max risk")
			.containsExactly(this.baseUsdc, this.ethereumUsdc);
		assertThat(ids(filter().text("ARBITRUM:w"))).containsExactly(this.arbitrumWeth);
		assertThat(ids(filter())).hasSize(5);
	}

	@Test
	void filtersCombine() {
		assertThat(ids(filter().chain("base").minTvl(10_000_000.0))).containsExactly(this.baseUsdt);
		assertThat(ids(filter().asset("usdc").minApy(3.5).maxRisk(0.5))).containsExactly(this.ethereumUsdc);
		assertThat(ids(filter().chain("base").asset("WETH"))).isEmpty();
		assertThat(this.market.count(filter().chain("base").minApy(1.0).build())).isEqualTo(2);
	}

	@Test
	void sortsByApyAndTvlWithPoolsLackingTheMetricLastAndPagesWithoutOverlap() {
		PoolSort byApy = new PoolSort(PoolSort.Key.APY, true);
		List<PoolId> pages = new ArrayList<>();
		for (int offset = 0; offset < 6; offset += 2) {
			pages.addAll(
					this.market.pools(filter().build(), byApy, offset, 2).stream().map(s -> s.pool().id()).toList());
		}
		assertThat(pages).containsExactly(this.arbitrumWeth, this.baseUsdt, this.ethereumUsdc, this.baseUsdc,
				this.baseDai);
		assertThat(ids(filter(), new PoolSort(PoolSort.Key.TVL, false))).containsExactly(this.baseUsdc,
				this.ethereumUsdc, this.baseUsdt, this.arbitrumWeth, this.baseDai);
		assertThat(ids(filter(), new PoolSort(PoolSort.Key.ID, true))).first().isEqualTo(this.ethereumUsdc);

		PoolPage page = this.market.page(filter().minApy(1.0).build(), byApy, 1, 2);
		assertThat(page.items()).extracting(s -> s.pool().id()).containsExactly(this.baseUsdt, this.ethereumUsdc);
		assertThat(page.total()).isEqualTo(4);
	}

	@Test
	void boundsReadTheNewestValueAcrossSourcesAsTheSnapshotShowsIt() {
		PoolId pool = PoolId.parse(this.protocol + ":base:USDC:two-sources");
		ingest(Source.SIMULATOR, this.now.minus(Duration.ofMinutes(1)), pool, Metric.APY, 2.0);
		ingest(Source.CHAIN, this.now, pool, Metric.APY, 9.0);
		assertThat(ids(filter().minApy(5.0))).contains(pool);
		assertThat(this.market.pool(pool).flatMap(s -> s.value(Metric.APY)).map(LatestValue::value)).contains(9.0);

		// observed at the same instant: the source whose name sorts first (CHAIN) wins in
		// SQL and in the snapshot alike
		PoolId tied = PoolId.parse(this.protocol + ":base:USDC:tied");
		ingest(Source.SIMULATOR, this.now, tied, Metric.APY, 8.0);
		ingest(Source.CHAIN, this.now, tied, Metric.APY, 1.0);
		assertThat(ids(filter().minApy(5.0))).doesNotContain(tied);
		assertThat(ids(filter().maxApy(1.5))).contains(tied);
		assertThat(this.market.pool(tied).flatMap(s -> s.value(Metric.APY)).map(LatestValue::value)).contains(1.0);
	}

	@Test
	void facetsOfferTheKnownChainsProtocolsAndAssetsOncePerSpelling() {
		PoolFacets facets = this.market.facets();
		assertThat(facets.chains()).contains("arbitrum", "base", "ethereum").isSorted();
		assertThat(facets.protocols()).contains(this.protocol);
		assertThat(facets.assets()).contains("USDC", "WETH").doesNotContain("usdc");
	}

	@Test
	void restApiFiltersSortsAndCounts() {
		JsonNode page = get("/api/v1/pools?protocol=" + this.protocol + "&minApy=3.5&sort=-apy&limit=2");
		assertThat(page.get("total").asInt()).isEqualTo(3);
		assertThat(page.get("items")).extracting(item -> item.get("id").asString())
			.containsExactly(this.arbitrumWeth.toString(), this.baseUsdt.toString());
		assertThat(page.get("items").get(0).get("metrics").get("apy").get("value").asDouble()).isEqualTo(12.0);

		JsonNode combined = get("/api/v1/pools?protocol=" + this.protocol
				+ "&chain=Base&asset=usdc&maxApy=5&minTvl=100000&maxRisk=0.3&q=" + this.protocol + "&offset=0");
		assertThat(combined.get("items")).extracting(item -> item.get("id").asString())
			.containsExactly(this.baseUsdc.toString());
		assertThat(combined.get("items").get(0).get("stablecoin").asBoolean()).isTrue();
	}

	@Test
	void restApiExplainsBadValuesWithProblemDocuments() {
		assertBadRequest("minApy=high", "minApy must be a number, e.g. 4.5, not 'high'.");
		assertBadRequest("minApy=6&maxApy=5", "The minimum APY (6.0 %) is above the maximum APY (5.0 %)");
		assertBadRequest("maxRisk=1.5", "The maximum risk is a score from 0 (safe) to 1 (risky), not 1.5.");
		assertBadRequest("minTvl=-1", "The minimum TVL is in US dollars and cannot be negative");
		assertBadRequest("minApy=NaN", "The minimum APY must be a number, not NaN.");
		assertBadRequest("chain=" + "x".repeat(41), "The chain has at most 40 characters");
		assertBadRequest("sort=risk", "sort is id, apy or tvl");
		assertBadRequest("limit=0", "limit between 1 and 1000");
		assertBadRequest("offset=many", "offset must be a whole number, not 'many'.");
	}

	private void assertBadRequest(String query, String detail) {
		HttpResponse<String> response = http().get("/api/v1/pools?" + query, credentials().farmerToken());
		assertThat(response.statusCode()).as(query).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).as(query).contains(detail);
	}

	private JsonNode get(String path) {
		HttpResponse<String> response = http().get(path, credentials().farmerToken());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private List<PoolId> ids(Filter filter) {
		return ids(filter, PoolSort.BY_ID);
	}

	private List<PoolId> ids(Filter filter, PoolSort sort) {
		return this.market.pools(filter.build(), sort, 0, 100).stream().map(s -> s.pool().id()).toList();
	}

	private Filter filter() {
		return new Filter(this.protocol);
	}

	private PoolId pool(String chain, String asset, @Nullable Double apy, @Nullable Double tvl, @Nullable Double risk) {
		PoolId id = new PoolId(this.protocol, chain, asset, null);
		List<MetricSample> samples = new ArrayList<>();
		if (apy != null) {
			samples.add(new MetricSample(id.toString(), Metric.APY, this.now, apy, Source.SIMULATOR, null));
		}
		if (tvl != null) {
			samples.add(new MetricSample(id.toString(), Metric.TVL, this.now, tvl, Source.SIMULATOR, null));
		}
		this.ingestion.ingest(new MarketBatch(Source.SIMULATOR, this.now, List.of(descriptor(id)), samples));
		if (risk != null) {
			ingest(Source.RISK_MODEL, this.now, id, Metric.RISK, risk);
		}
		return id;
	}

	private void ingest(Source source, Instant at, PoolId pool, Metric metric, double value) {
		this.ingestion.ingest(new MarketBatch(source, at, List.of(descriptor(pool)),
				List.of(new MetricSample(pool.toString(), metric, at, value, source, null))));
	}

	private static PoolDescriptor descriptor(PoolId id) {
		return new PoolDescriptor(id, null, null, id.asset().toUpperCase(java.util.Locale.ROOT).startsWith("USD"),
				PoolDescriptor.Origin.SIMULATED);
	}

	/** A filter limited to this test's protocol, built up criterion by criterion. */
	private static final class Filter {

		private final String protocol;

		private @Nullable String chain;

		private @Nullable String asset;

		private @Nullable Double minApy;

		private @Nullable Double maxApy;

		private @Nullable Double minTvl;

		private @Nullable Double maxRisk;

		private @Nullable String text;

		Filter(String protocol) {
			this.protocol = protocol;
		}

		Filter chain(String chain) {
			this.chain = chain;
			return this;
		}

		Filter asset(String asset) {
			this.asset = asset;
			return this;
		}

		Filter minApy(double value) {
			this.minApy = value;
			return this;
		}

		Filter maxApy(double value) {
			this.maxApy = value;
			return this;
		}

		Filter minTvl(double value) {
			this.minTvl = value;
			return this;
		}

		Filter maxRisk(double value) {
			this.maxRisk = value;
			return this;
		}

		Filter text(String text) {
			this.text = text;
			return this;
		}

		PoolFilter build() {
			return new PoolFilter(this.chain, this.protocol, this.asset, this.minApy, this.maxApy, this.minTvl,
					this.maxRisk, this.text);
		}

	}

}
