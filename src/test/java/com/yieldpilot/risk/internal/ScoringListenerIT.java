package com.yieldpilot.risk.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.yieldpilot.market.MarketUpdated;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.Source;
import com.yieldpilot.platform.Foreground;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Scoring a market update's pools waits while a firing is on its way from a market update
 * to the chain on the node, and scores them once it is sent (the shared test node runs no
 * listener of its own: the tests set risk values by hand).
 */
class ScoringListenerIT extends ApplicationIT {

	@Autowired
	RiskScoring scoring;

	@Autowired
	Foreground foreground;

	@Test
	void scoringWaitsForTheFiringsInFlightAndThenScoresThePools() throws InterruptedException {
		PoolId pool = PoolsWithHistory.create(this.dsl, "yielding-risk", 60);
		ScoringListener listener = new ScoringListener(this.scoring, this.foreground, Duration.ofSeconds(60));
		MarketUpdated update = new MarketUpdated(List.of(pool), List.of(), Set.of(Metric.APY), Instant.now(),
				Source.SIMULATOR, 1);

		Thread scorer;
		try (Foreground.Lease firing = this.foreground.begin()) {
			scorer = Thread.ofVirtual().start(() -> listener.on(update));
			// a bounded look at a thread that should still be waiting, not a wait for it
			assertThat(scorer.join(Duration.ofMillis(300))).as("waiting while the firing is in flight").isFalse();
			assertThat(stored(pool)).as("nothing scored yet").isZero();
		}

		assertThat(scorer.join(Duration.ofSeconds(60))).as("scored once the firing was sent").isTrue();
		assertThat(stored(pool)).isOne();
	}

	/** Scores stored for the pool (reading one through the API would score it). */
	private int stored(PoolId pool) {
		return this.dsl.fetchCount(this.dsl.selectOne().from("risk_score").where("pool_id = ?", pool.toString()));
	}

	@Test
	void aNegativeWaitIsRefusedWithTheSettingsName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ScoringListener(this.scoring, this.foreground, Duration.ofSeconds(-1)))
			.withMessageContaining("yieldpilot.risk.scoring.yield-for");
	}

}
