package com.yieldpilot.risk.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.market.PoolRiskBadge;
import com.yieldpilot.market.PoolRiskBadges;
import com.yieldpilot.risk.RiskAssessment;
import com.yieldpilot.risk.RiskFactor;
import com.yieldpilot.risk.RiskScores;
import com.yieldpilot.shared.PoolId;

import org.springframework.stereotype.Component;

/**
 * The risk badges of the market's pool screens, from the stored assessments: a grid page
 * reads its pools' scores and feature rows in one query and explains the page's model
 * scores in one model pass (kept per score by {@link Explanations}); the pool page scores
 * its pool now when it has no score yet.
 */
@Component
class RiskPoolBadges implements PoolRiskBadges {

	private final RiskRepository repository;

	private final RiskScores scores;

	private final Explanations explanations;

	RiskPoolBadges(RiskRepository repository, RiskScores scores, Explanations explanations) {
		this.repository = repository;
		this.scores = scores;
		this.explanations = explanations;
	}

	@Override
	public Map<PoolId, PoolRiskBadge> badges(Collection<PoolId> pools) {
		Map<PoolId, PoolRiskBadge> badges = new LinkedHashMap<>();
		for (RiskAssessment assessment : this.explanations.complete(this.repository.scores(pools))) {
			badges.put(assessment.pool(), badge(assessment));
		}
		return badges;
	}

	@Override
	public Optional<PoolRiskBadge> badge(PoolId pool) {
		return this.scores.assessment(pool).map(RiskPoolBadges::badge);
	}

	static PoolRiskBadge badge(RiskAssessment assessment) {
		return new PoolRiskBadge(assessment.score(), assessment.label(), assessment.modelLabel(),
				assessment.heuristic(), assessment.explanation().stream().map(RiskFactor::text).toList());
	}

}
