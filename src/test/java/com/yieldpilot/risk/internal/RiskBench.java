package com.yieldpilot.risk.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.yieldpilot.market.MarketBench;
import com.yieldpilot.risk.ModelVersion;
import com.yieldpilot.risk.RiskAssessment;
import com.yieldpilot.risk.internal.model.FeatureTable;
import com.yieldpilot.risk.internal.model.PoolHistory;
import com.yieldpilot.risk.internal.model.RiskModel;
import com.yieldpilot.shared.PoolId;
import org.jooq.DSLContext;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The risk module's scoring path built by hand over a {@code DSLContext}, for the JMH
 * benchmark under {@code com.yieldpilot.bench}: the same classes the application wires
 * (history reads through the market, the registry, the jOOQ repository, the market's risk
 * samples), without Spring. Writes run in the caller's transaction.
 */
public final class RiskBench {

	private final PoolHistories histories;

	private final ModelRegistry registry;

	private final RiskRepository repository;

	private final RiskScoring scoring;

	private final Explanations explanations;

	public RiskBench(DSLContext dsl, Clock clock, ApplicationEventPublisher events) {
		this.histories = new PoolHistories(MarketBench.marketData(dsl, clock));
		this.repository = new JooqRiskRepository(dsl);
		this.registry = new ModelRegistry(this.repository, clock);
		this.scoring = new RiskScoring(this.histories, this.registry, this.repository,
				MarketBench.riskSamples(dsl, clock, events), events, clock);
		this.explanations = new Explanations(this.registry);
	}

	/** Registers and promotes a trained model (the first one is promoted). */
	public ModelVersion register(RiskModel model, FeatureTable table) {
		return this.registry.register(model, table, List.of());
	}

	/** After a market update: read, build features, score, store, announce. */
	public int score(List<PoolId> pools) {
		return this.scoring.score(pools).size();
	}

	/** The history read alone. */
	public List<PoolHistory> read(List<PoolId> pools, Instant from, Instant to) {
		return this.histories.read(pools, from, to);
	}

	/** What a grid page does: its stored scores, explained. */
	public List<RiskAssessment> explainedPage(List<PoolId> pools) {
		return this.explanations.complete(this.repository.scores(pools));
	}

}
