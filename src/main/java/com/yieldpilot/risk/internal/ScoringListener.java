package com.yieldpilot.risk.internal;

import java.util.EnumSet;
import java.util.Set;

import com.yieldpilot.market.MarketUpdated;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.Source;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Re-scores the pools a market update touched, after it committed. Updates of the risk
 * metric itself (the scores' own samples) and updates without pool yield or TVL values
 * (gas, prices) are ignored.
 */
@Component
@ConditionalOnBooleanProperty(name = "yieldpilot.risk.scoring.enabled", matchIfMissing = true)
class ScoringListener {

	private static final Set<Metric> INPUTS = EnumSet.of(Metric.APY, Metric.APY_BASE, Metric.APY_REWARD, Metric.TVL);

	private final RiskScoring scoring;

	ScoringListener(RiskScoring scoring) {
		this.scoring = scoring;
	}

	@ApplicationModuleListener
	void on(MarketUpdated update) {
		if (update.source() == Source.RISK_MODEL || update.pools().isEmpty()
				|| update.metrics().stream().noneMatch(INPUTS::contains)) {
			return;
		}
		this.scoring.score(update.pools());
	}

}
