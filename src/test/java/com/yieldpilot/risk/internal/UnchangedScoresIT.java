package com.yieldpilot.risk.internal;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.yieldpilot.market.LatestValue;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketBatch;
import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.market.internal.maintenance.MarketMaintenance;
import com.yieldpilot.risk.RiskAssessment;
import com.yieldpilot.risk.RiskScores;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scoring pass rewrites a pool's stored score only when it changed: an unchanged score
 * keeps its row and scoring time and reads as checked at the newest pass, whose time the
 * pool's {@code risk} metric carries (so it stays fresh for rules and guardrails); a
 * score changed by the hourly rollup or by a write this node did not hear of is
 * rewritten; a row another node wrote is compared with what it stores, not with what this
 * node remembers.
 */
class UnchangedScoresIT extends ApplicationIT {

	@Autowired
	RiskScoring scoring;

	@Autowired
	RiskScores scores;

	@Autowired
	MarketData market;

	@Autowired
	MarketIngestion ingestion;

	@Autowired
	MarketMaintenance maintenance;

	@Autowired
	DataSource dataSource;

	private PoolId pool;

	@BeforeEach
	void poolWithHistory() {
		this.pool = PoolsWithHistory.create(this.dsl, "same-risk", 60);
	}

	@Test
	void anUnchangedScoreKeepsItsRowAndReadsAsCheckedByTheNewestPass() {
		RiskAssessment first = score();
		String row = rowVersion();

		RiskAssessment second = score();

		assertThat(second.score()).isEqualTo(first.score());
		assertThat(second.scoredAt()).as("computed from the same data").isEqualTo(first.scoredAt());
		assertThat(second.checkedAt()).as("confirmed by the second pass").isAfter(first.checkedAt());
		assertThat(rowVersion()).as("the row was not rewritten").isEqualTo(row);
		RiskAssessment shown = this.scores.assessment(this.pool).orElseThrow();
		assertThat(shown.scoredAt()).isEqualTo(first.scoredAt());
		assertThat(shown.checkedAt()).isEqualTo(second.checkedAt());
		assertThat(shown.explanation()).as("the stored explanation still belongs to it").isNotEmpty();
		LatestValue risk = risk();
		assertThat(risk.observedAt()).as("rules read the risk metric as of the newest pass")
			.isEqualTo(second.checkedAt());
		assertThat(risk.stale()).isFalse();
		assertThat(risk.value()).isEqualTo(second.score());
	}

	@Test
	void aScoreChangedByTheHourlyRollupIsRewritten() {
		RiskAssessment first = score();
		String row = rowVersion();
		// today's samples: the pool drains; the hourly rollup rewrites today's means
		Instant observed = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
		this.ingestion.ingest(new MarketBatch(Source.SIMULATOR, observed, List.of(),
				List.of(new MetricSample(this.pool.toString(), Metric.TVL, observed, 1e5, Source.SIMULATOR, null),
						new MetricSample(this.pool.toString(), Metric.APY, observed, 40, Source.SIMULATOR, null))));
		this.maintenance.run();

		RiskAssessment second = score();

		assertThat(second.score()).as("a drained pool scores otherwise").isNotEqualTo(first.score());
		assertThat(second.scoredAt()).isAfter(first.scoredAt()).isEqualTo(second.checkedAt());
		assertThat(rowVersion()).as("rewritten").isNotEqualTo(row);
		assertThat(this.scores.assessment(this.pool).orElseThrow().score()).isEqualTo(second.score());
	}

	@Test
	void aRowAnotherNodeWroteIsComparedWithWhatItStores() throws Exception {
		RiskAssessment mine = score();
		// another node's pass found the same score later and wrote its row (as a node
		// before this change would): this node keeps it and shows its time
		Instant theirs = mine.scoredAt().plusMillis(5);
		otherNode((db) -> db.execute("update risk_score set scored_at = ?::timestamptz where pool_id = ?",
				theirs.toString(), this.pool.toString()));
		String row = rowVersion();
		RiskAssessment kept = score();
		assertThat(kept.scoredAt()).isEqualTo(theirs);
		assertThat(rowVersion()).as("the same score, features and explanation: not rewritten").isEqualTo(row);

		// another node stored a different score: this node's pass rewrites it, although
		// what it remembers having stored is what it computes again
		otherNode((db) -> db.execute("update risk_score set score = 0.99, scored_at = now() where pool_id = ?",
				this.pool.toString()));
		assertThat(this.scores.assessment(this.pool).orElseThrow().score())
			.as("a node that did not write serves the stored score")
			.isEqualTo(0.99);
		RiskAssessment rewritten = score();
		assertThat(rewritten.score()).isEqualTo(mine.score());
		assertThat(rewritten.scoredAt()).isEqualTo(rewritten.checkedAt());
		assertThat(this.scores.assessment(this.pool).orElseThrow().score()).isEqualTo(mine.score());
	}

	private RiskAssessment score() {
		return this.scoring.score(List.of(this.pool)).get(0).assessment();
	}

	/** The row version's transaction: a rewritten row gets the rewriting one's. */
	private String rowVersion() {
		return this.dsl.fetchValue("select xmin::text from risk_score where pool_id = ?", this.pool.toString())
			.toString();
	}

	private LatestValue risk() {
		return this.market.pool(this.pool)
			.orElseThrow()
			.values()
			.stream()
			.filter((v) -> v.metric() == Metric.RISK && v.source() == Source.RISK_MODEL)
			.findFirst()
			.orElseThrow();
	}

	/** Writes over a connection of its own, committed, as another node would. */
	private void otherNode(Consumer<DSLContext> write) throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			write.accept(DSL.using(connection, SQLDialect.POSTGRES));
		}
	}

}
