package com.yieldpilot.rules.internal.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.RuleIntents;
import com.yieldpilot.rules.internal.RuntimeProperties;
import com.yieldpilot.rules.internal.store.IntentStore;
import com.yieldpilot.rules.internal.store.RuleStore;
import com.yieldpilot.rules.internal.store.ShardStore;
import com.yieldpilot.rules.internal.store.TraceStore;
import com.yieldpilot.rules.lang.Move;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.RuleFirings;
import com.yieldpilot.support.Samples;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of intents read by a desk that has not seen their rule versions (another node
 * proposed them, or this one restarted) gets each intent's actions from its own version,
 * read for the whole batch at once.
 */
class IntentDeskIT extends ApplicationIT {

	@Autowired
	MarketIngestion ingestion;

	@Autowired
	ShardEvaluator evaluator;

	@Autowired
	RuntimeProperties runtime;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuleIntents desk;

	@Autowired
	IntentStore intentStore;

	@Autowired
	RuleStore ruleStore;

	@Autowired
	ShardStore shardStore;

	@Autowired
	TraceStore traceStore;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Clock clock;

	@Test
	void aBatchOfIntentsWhoseRuleVersionsTheDeskHasNotReadGetsEachItsOwnActions() {
		PoolId from = pool();
		List<PoolId> targets = List.of(pool(), pool(), pool());
		Samples.ingest(this.ingestion, from, Metric.APY, 3.0, Source.SIMULATOR, Instant.now());
		RuleFirings firings = new RuleFirings(http(), this.jdbc, this.evaluator, this.runtime);
		List<IntentId> ids = new ArrayList<>();
		for (PoolId into : targets) {
			Samples.ingest(this.ingestion, into, Metric.APY, 6.0, Source.SIMULATOR, Instant.now());
			ids.add(firings.fire(newFarmer("dsk"), "Desk " + into, from, into));
		}
		IntentDesk fresh = new IntentDesk(this.intentStore, this.shardStore, new IntentViews(this.ruleStore),
				this.traceStore, this.runtime, this.events, this.clock);

		Map<IntentId, ActionIntent> read = fresh.findAll(ids);

		assertThat(read).containsOnlyKeys(ids);
		for (int i = 0; i < ids.size(); i++) {
			ActionIntent intent = read.get(ids.get(i));
			PoolId into = targets.get(i);
			assertThat(intent.actions()).singleElement()
				.isInstanceOfSatisfying(Move.class, (move) -> assertThat(move.to()).isEqualTo(into));
			assertThat(intent.actions()).isEqualTo(this.desk.find(ids.get(i)).orElseThrow().actions());
		}
	}

	private static PoolId pool() {
		return PoolId.parse("dk" + UUID.randomUUID().toString().substring(0, 6) + ":base:USDC");
	}

}
