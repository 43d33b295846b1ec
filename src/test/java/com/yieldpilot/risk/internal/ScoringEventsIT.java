package com.yieldpilot.risk.internal;

import java.util.ArrayList;
import java.util.List;

import com.yieldpilot.risk.RiskScored;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoring announces every pool with {@code RiskScored}, and no module listens to it
 * through the event publication registry: a registry listener would write a row per pool
 * per update (20,000 with DefiLlama's pools). Rules follow risk through the market's
 * {@code risk} metric instead.
 */
class ScoringEventsIT extends ApplicationIT {

	@Autowired
	RiskScoring scoring;

	@Test
	void scoringManyPoolsStoresNoEventPublicationPerPool() {
		List<PoolId> pools = new ArrayList<>();
		String run = Long.toString(System.nanoTime(), 36);
		for (int i = 0; i < 40; i++) {
			PoolId pool = PoolId.parse("events-risk:base:USDC:p" + i + run);
			this.dsl.execute("""
					insert into market_pool (id, protocol, chain, asset, stablecoin, origin, created_at)
					values (?, 'events-risk', 'base', 'USDC', true, 'WATCHED', now())""", pool.toString());
			pools.add(pool);
		}

		assertThat(this.scoring.score(pools)).hasSize(pools.size());

		assertThat(this.dsl.fetchCount(
				this.dsl.selectOne().from("event_publication").where("event_type = ?", RiskScored.class.getName())))
			.as("a listener of RiskScored in the event publication registry costs a row per pool and update: "
					+ "listen to the market's risk metric, or add one event per update")
			.isZero();
	}

}
