package com.yieldpilot.market.internal.trust;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.yieldpilot.market.Disagreement;
import com.yieldpilot.market.LatestValue;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.MarketTrust;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.PoolBecameConsistent;
import com.yieldpilot.market.PoolBecameInconsistent;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.PoolInconsistency;
import com.yieldpilot.market.PoolSnapshot;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketBatch;
import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DefiLlama and the chain report the same metrics of a pool; the batches go through the
 * real ingestion into the real database, and the cross-check in the same transaction
 * marks the pool inconsistent beyond the tolerance, clears it when they agree again, and
 * announces both.
 */
@RecordApplicationEvents
class CrossCheckIT extends ApplicationIT {

	@Autowired
	MarketIngestion ingestion;

	@Autowired
	MarketTrust trust;

	@Autowired
	MarketData market;

	@Autowired
	ApplicationEvents events;

	private final JsonMapper json = JsonMapper.builder().build();

	private final PoolId pool = PoolId.parse("check-" + UUID.randomUUID().toString().substring(0, 6) + ":base:USDC");

	private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));

	@Test
	void disagreementBeyondTheToleranceMarksThePoolAndAgreementClearsIt() throws Exception {
		report(Source.DEFILLAMA, this.start, Metric.APY, 5.0);
		report(Source.CHAIN, this.start.plusSeconds(15), Metric.APY, 4.0);
		assertThat(this.trust.actionBlock(this.pool)).as("exactly 1 point apart: agreeing").isEmpty();

		report(Source.CHAIN, this.start.plusSeconds(30), Metric.APY, 3.9);
		PoolInconsistency inconsistency = this.trust.inconsistency(this.pool).orElseThrow();
		assertThat(inconsistency.since()).isEqualTo(this.start.plusSeconds(30));
		assertThat(inconsistency.disagreements()).singleElement().satisfies(d -> {
			assertThat(d.metric()).isEqualTo(Metric.APY);
			assertThat(d.reference()).isEqualTo(Source.DEFILLAMA);
			assertThat(d.referenceValue()).isEqualTo(5.0);
			assertThat(d.chainValue()).isEqualTo(3.9);
			assertThat(d.tolerance()).isEqualTo(1.0);
		});
		assertThat(this.trust.actionBlock(this.pool)).hasValueSatisfying(reason -> assertThat(reason)
			.contains("Sources disagree on " + this.pool, "apy: DEFILLAMA 5 % vs CHAIN 3.9 %, 1.1 points apart"));
		assertThat(this.events.stream(PoolBecameInconsistent.class)).singleElement()
			.satisfies(e -> assertThat(e.pool()).isEqualTo(this.pool));

		PoolSnapshot snapshot = this.market.pool(this.pool).orElseThrow();
		assertThat(snapshot.consistent()).isFalse();
		assertThat(snapshot.values()).as("both values stay stored")
			.filteredOn(v -> v.metric() == Metric.APY)
			.extracting(LatestValue::source)
			.containsExactlyInAnyOrder(Source.DEFILLAMA, Source.CHAIN);

		report(Source.CHAIN, this.start.plusSeconds(45), Metric.APY, 3.5);
		assertThat(this.trust.inconsistency(this.pool).orElseThrow().since()).as("still the first disagreement's time")
			.isEqualTo(this.start.plusSeconds(30));
		assertThat(this.events.stream(PoolBecameInconsistent.class)).as("announced once").hasSize(1);

		report(Source.DEFILLAMA, this.start.plusSeconds(60), Metric.APY, 4.4);
		assertThat(this.trust.actionBlock(this.pool)).isEmpty();
		assertThat(this.events.stream(PoolBecameConsistent.class)).singleElement().satisfies(e -> {
			assertThat(e.pool()).isEqualTo(this.pool);
			assertThat(e.inconsistentSince()).isEqualTo(this.start.plusSeconds(30));
			assertThat(e.at()).isEqualTo(this.start.plusSeconds(60));
		});
	}

	@Test
	void tvlIsComparedRelativelyAndEveryDisagreeingMetricIsListed() {
		report(Source.DEFILLAMA, this.start, Metric.TVL, 1_000_000);
		report(Source.CHAIN, this.start, Metric.TVL, 900_000);
		assertThat(this.trust.actionBlock(this.pool)).as("10 % apart: agreeing").isEmpty();

		ingest(Source.CHAIN, this.start.plusSeconds(15),
				List.of(sample(Metric.TVL, 899_000, Source.CHAIN), sample(Metric.APY, 9.0, Source.CHAIN)));
		report(Source.DEFILLAMA, this.start.plusSeconds(20), Metric.APY, 2.0);

		PoolInconsistency inconsistency = this.trust.inconsistency(this.pool).orElseThrow();
		assertThat(inconsistency.disagreements()).extracting(Disagreement::metric)
			.containsExactlyInAnyOrder(Metric.TVL, Metric.APY);
		assertThat(inconsistency.since()).as("the older disagreement").isEqualTo(this.start.plusSeconds(15));
		assertThat(this.trust.inconsistentPools()).extracting(PoolInconsistency::pool).contains(this.pool);
	}

	@Test
	void valuesObservedTooFarApartSayNothing() {
		report(Source.DEFILLAMA, this.start, Metric.APY, 9.0);
		report(Source.CHAIN, this.start.plus(Duration.ofMinutes(31)), Metric.APY, 1.0);

		assertThat(this.trust.actionBlock(this.pool)).isEmpty();
		assertThat(this.events.stream(PoolBecameInconsistent.class)).isEmpty();
	}

	@Test
	void theApiShowsWhyAPoolIsInconsistent() throws Exception {
		report(Source.DEFILLAMA, this.start, Metric.APY, 8.0);
		report(Source.CHAIN, this.start, Metric.APY, 2.0);

		JsonNode body = this.json
			.readTree(http().get("/api/v1/pools/" + this.pool, credentials().farmerToken()).body());
		assertThat(body.get("consistent").asBoolean()).isFalse();
		assertThat(body.get("inconsistency").get("since").asString()).isEqualTo(this.start.toString());
		assertThat(body.get("inconsistency").get("reason").asString()).contains("6 points apart (tolerance 1)");
		JsonNode disagreement = body.get("inconsistency").get("disagreements").get(0);
		assertThat(disagreement.get("metric").asString()).isEqualTo("apy");
		assertThat(disagreement.get("referenceValue").asDouble()).isEqualTo(8.0);
		assertThat(disagreement.get("chainValue").asDouble()).isEqualTo(2.0);
		assertThat(disagreement.get("comparedAs").asString()).isEqualTo("points");

		assertThat(listed().get("consistent").asBoolean()).isFalse();
	}

	/** The pool as {@code GET /pools} lists it, paging through every pool. */
	private JsonNode listed() {
		for (int offset = 0;; offset += 1000) {
			JsonNode page = this.json.readTree(
					http().get("/api/v1/pools?offset=" + offset + "&limit=1000", credentials().farmerToken()).body());
			for (JsonNode item : page.get("items")) {
				if (item.get("id").asString().equals(this.pool.toString())) {
					return item;
				}
			}
			assertThat(offset + 1000).as("pool listed").isLessThan(page.get("total").asInt());
		}
	}

	private void report(Source source, Instant at, Metric metric, double value) {
		ingest(source, at, List.of(sample(metric, value, source)));
	}

	private void ingest(Source source, Instant at, List<MetricSample> samples) {
		this.ingestion.ingest(new MarketBatch(source, at,
				List.of(new PoolDescriptor(this.pool, null, null, true, PoolDescriptor.Origin.REGISTRY)),
				samples.stream()
					.map(s -> new MetricSample(s.subject(), s.metric(), at, s.value(), s.source(), s.blockNumber()))
					.toList()));
	}

	private MetricSample sample(Metric metric, double value, Source source) {
		return new MetricSample(this.pool.toString(), metric, this.start, value, source,
				(source == Source.CHAIN) ? 1L : null);
	}

}
