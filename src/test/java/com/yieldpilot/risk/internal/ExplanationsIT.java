package com.yieldpilot.risk.internal;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.yieldpilot.market.PoolRiskBadge;
import com.yieldpilot.market.PoolRiskBadges;
import com.yieldpilot.risk.ModelVersion;
import com.yieldpilot.risk.RiskAssessment;
import com.yieldpilot.risk.internal.model.Contribution;
import com.yieldpilot.risk.internal.model.FeatureBuilder;
import com.yieldpilot.risk.internal.model.FeatureTable;
import com.yieldpilot.risk.internal.model.HistoryCsv;
import com.yieldpilot.risk.internal.model.Hyperparameters;
import com.yieldpilot.risk.internal.model.RiskModel;
import com.yieldpilot.risk.internal.model.RiskTrainer;
import com.yieldpilot.risk.internal.model.SyntheticHistory;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static com.yieldpilot.risk.internal.db.Tables.RISK_MODEL;
import static com.yieldpilot.risk.internal.db.Tables.RISK_SCORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Scoring stores scores with their feature rows and no explanation; the API and the pool
 * badges explain a score when it is shown, with the model version that produced it.
 */
class ExplanationsIT extends ApplicationIT {

	private static final List<PoolId> POOLS = List.of(PoolId.parse("lazy-risk:base:USDC:p1"),
			PoolId.parse("lazy-risk:base:USDC:p2"), PoolId.parse("lazy-risk:base:USDC:p3"),
			PoolId.parse("lazy-risk:ethereum:WETH:p4"), PoolId.parse("lazy-risk:ethereum:WETH:p5"));

	private static final int DAYS = 40;

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	RiskScoring scoring;

	@Autowired
	ModelRegistry registry;

	@Autowired
	RiskRepository repository;

	@Autowired
	PoolRiskBadges badges;

	@Autowired
	TransactionTemplate transactions;

	private FeatureTable table;

	@BeforeEach
	void poolsWithFortyDaysOfHistory() throws Exception {
		for (int p = 0; p < POOLS.size(); p++) {
			PoolId pool = POOLS.get(p);
			String[] parts = pool.toString().split(":");
			this.dsl.execute("""
					insert into market_pool (id, protocol, chain, asset, stablecoin, origin, created_at)
					values (?, ?, ?, ?, false, 'WATCHED', now()) on conflict do nothing""", pool.toString(), parts[0],
					parts[1], parts[2]);
			// a wavy APY and a TVL that falls for the later pools: scores differ
			this.dsl.execute("""
					insert into metric_rollup (subject, metric, resolution, bucket, avg_value, min_value, max_value,
					                           last_value, samples)
					select ?, m.metric, 'DAY', date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'
					                           - (? - 1 - d) * interval '1 day', v, v, v, v, 24
					from generate_series(0, ? - 1) as d
					cross join lateral (values ('APY', (3 + ?) * (1 + 0.3 * sin(d / 4.0))),
					                           ('TVL', 1e7 * (1 - ? * d / 200.0))) as m(metric, v)
					on conflict do nothing""", pool.toString(), DAYS, DAYS, p, p);
		}
		this.table = FeatureBuilder.build(HistoryCsv.read(new StringReader(SyntheticHistory.csv(40, 300, 21))),
				List.of());
	}

	@AfterEach
	void emptyTheRegistryAndTheScores() {
		// the shared node serves the heuristic until a model is promoted; other tests
		// rely on that
		this.dsl.deleteFrom(RISK_SCORE).where(RISK_SCORE.POOL_ID.in(POOLS)).execute();
		this.dsl.deleteFrom(RISK_MODEL).execute();
	}

	@Test
	void scoringStoresFeaturesWithoutExplainingAndTheApiAndBadgesExplainWithTheScoresModel() {
		RiskModel model = train(7L);
		ModelVersion version = this.registry.register(model, this.table, List.of());
		assertThat(version.status()).isEqualTo("PROMOTED");

		List<StoredScore> scored = this.scoring.score(POOLS);
		assertThat(scored).hasSize(POOLS.size()).allSatisfy((s) -> {
			assertThat(s.assessment().modelVersion()).isEqualTo(version.version());
			assertThat(s.explained()).as("not explained while scoring").isFalse();
			assertThat(s.assessment().explanation()).isEmpty();
			assertThat(s.features()).isNotNull();
		});
		assertThat(this.dsl.select(RISK_SCORE.EXPLANATION, RISK_SCORE.FEATURES)
			.from(RISK_SCORE)
			.where(RISK_SCORE.POOL_ID.in(POOLS))
			.fetch()).hasSize(POOLS.size()).allSatisfy((row) -> {
				assertThat(row.value1()).as("no explanation stored").isNull();
				assertThat(row.value2()).as("the feature row stored").isNotEmpty();
			});

		for (StoredScore s : scored) {
			List<Contribution> expected = model.explain(s.features()).top(Explanations.LINES);
			HttpResponse<String> response = http().get("/api/v1/pools/" + s.assessment().pool() + "/risk",
					credentials().farmerToken());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode risk = this.json.readTree(response.body());
			assertThat(risk.get("modelVersion").asString()).isEqualTo("v" + version.version());
			assertThat(risk.get("score").asDouble()).isEqualTo(s.assessment().score());
			JsonNode explanation = risk.get("explanation");
			assertThat(explanation).as("explained when shown").hasSize(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				JsonNode line = explanation.get(i);
				assertThat(line.get("feature").asString()).isEqualTo(expected.get(i).feature().key());
				assertThat(line.get("contribution").asDouble()).isCloseTo(expected.get(i).contribution(),
						within(1e-12));
				assertThat(line.get("text").asString()).isEqualTo(expected.get(i).text());
				if (i > 0) {
					assertThat(Math.abs(line.get("contribution").asDouble()))
						.isLessThanOrEqualTo(Math.abs(explanation.get(i - 1).get("contribution").asDouble()));
				}
			}
		}

		Map<PoolId, PoolRiskBadge> page = this.badges.badges(POOLS);
		assertThat(page).hasSize(POOLS.size());
		for (StoredScore s : scored) {
			assertThat(page.get(s.assessment().pool()).explanation()).as("the grid's tooltip")
				.containsExactlyElementsOf(
						model.explain(s.features()).top(Explanations.LINES).stream().map(Contribution::text).toList());
		}
	}

	@Test
	void explainsAScoreWithTheVersionThatProducedItAndNotWithAnotherScoresFeatures() {
		RiskModel promoted = train(7L);
		this.registry.register(promoted, this.table, List.of());
		RiskModel older = train(11L);
		ModelVersion olderVersion = this.registry.register(older, this.table, List.of());
		assertThat(olderVersion.status()).as("kept, not promoted").isEqualTo("REJECTED");

		float[] features = this.table.row(this.table.size() - 1);
		double score = older.score(features, 1)[0];
		PoolId pool = POOLS.get(0);
		PoolId mismatched = POOLS.get(1);
		this.transactions.executeWithoutResult(
				(tx) -> this.repository.saveScores(List.of(
						StoredScore.unexplained(new RiskAssessment(pool, score, olderVersion.version(), false,
								List.of(), Instant.now()), features),
						StoredScore.unexplained(new RiskAssessment(mismatched, Math.abs(score - 0.1),
								olderVersion.version(), false, List.of(), Instant.now()), features))));

		List<String> byOlder = older.explain(features)
			.top(Explanations.LINES)
			.stream()
			.map(Contribution::text)
			.toList();
		List<String> byPromoted = promoted.explain(features)
			.top(Explanations.LINES)
			.stream()
			.map(Contribution::text)
			.toList();
		assertThat(byOlder).as("the two versions explain differently").isNotEqualTo(byPromoted);
		assertThat(this.badges.badge(pool)).hasValueSatisfying((badge) -> {
			assertThat(badge.model()).isEqualTo("v" + olderVersion.version());
			assertThat(badge.explanation()).isEqualTo(byOlder);
		});
		assertThat(this.badges.badges(List.of(mismatched)).get(mismatched).explanation())
			.as("features that do not give the stored score explain nothing")
			.isEmpty();
	}

	private RiskModel train(long seed) {
		return RiskTrainer.train(this.table, SyntheticHistory.START.plusDays(299).toEpochDay(),
				new Hyperparameters(60, 0.1, 3, 5, 0.8, 0.8, 1.0, seed, 45, 1.0, 0.5, 1.0));
	}

}
