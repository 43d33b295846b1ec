package com.yieldpilot.risk.internal;

import java.net.http.HttpResponse;

import com.yieldpilot.market.LatestValue;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.Source;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/pools/{id}/risk} on local mode's simulated market, before any model
 * exists.
 */
class RiskApiIT extends ApplicationIT {

	private static final PoolId POOL = PoolId.parse("aave-v3:base:USDC");

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	RiskRepository repository;

	@Autowired
	MarketData market;

	@Test
	void servesTheLabelledHeuristicBeforeTheFirstModelAndStoresItAsTheRiskMetric() {
		assertThat(this.repository.promotedVersion()).as("no model promoted yet").isEmpty();
		HttpResponse<String> response = http().get("/api/v1/pools/" + POOL + "/risk", credentials().farmerToken());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode risk = this.json.readTree(response.body());
		assertThat(risk.get("heuristic").asBoolean()).isTrue();
		assertThat(risk.get("modelVersion").asString()).isEqualTo("heuristic");
		double score = risk.get("score").asDouble();
		assertThat(score).isBetween(0.02, 0.98);
		assertThat(risk.get("label").asString()).isIn("low", "medium", "high");
		JsonNode explanation = risk.get("explanation");
		for (int i = 1; i < explanation.size(); i++) {
			assertThat(Math.abs(explanation.get(i - 1).get("contribution").asDouble()))
				.isGreaterThanOrEqualTo(Math.abs(explanation.get(i).get("contribution").asDouble()));
		}
		explanation.forEach(line -> assertThat(line.get("feature").asString()).isNotBlank());
		LatestValue stored = this.market.pool(POOL)
			.orElseThrow()
			.values()
			.stream()
			.filter(v -> v.metric() == Metric.RISK)
			.findFirst()
			.orElseThrow();
		assertThat(stored.source()).isEqualTo(Source.RISK_MODEL);
		assertThat(stored.value()).isEqualTo(score);
	}

	@Test
	void answers404ForAnUnknownPoolAnd400ForANonId() {
		String token = credentials().farmerToken();
		assertThat(http().get("/api/v1/pools/nope:base:USDC/risk", token).statusCode()).isEqualTo(404);
		HttpResponse<String> typo = http().get("/api/v1/pools/aave-v2:base:USDC/risk", token);
		assertThat(typo.statusCode()).isEqualTo(404);
		assertThat(typo.body()).contains("Unknown pool 'aave-v2:base:USDC'. Did you mean aave-v3:base:USDC");
		HttpResponse<String> bad = http().get("/api/v1/pools/not-an-id/risk", token);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("protocol:chain:asset");
	}

	@Test
	void needsAToken() {
		assertThat(http().get("/api/v1/pools/" + POOL + "/risk", null).statusCode()).isEqualTo(401);
	}

	@Test
	void letsOnlyAdminsSeeTheRegistry() {
		assertThat(http().get("/api/v1/admin/risk/models", credentials().farmerToken()).statusCode()).isEqualTo(403);
		HttpResponse<String> models = http().get("/api/v1/admin/risk/models", credentials().adminToken());
		assertThat(models.statusCode()).isEqualTo(200);
		assertThat(http().get("/api/v1/admin/risk/training", credentials().adminToken()).body())
			.contains("\"running\"");
	}

}
