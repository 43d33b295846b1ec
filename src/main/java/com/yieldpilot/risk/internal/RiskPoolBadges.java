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
 * reads its pools' scores and stored explanations in one query, so no row costs a model
 * pass; the pool page scores its pool now when it has no score yet.
 */
@Component
class RiskPoolBadges implements PoolRiskBadges {

	private final RiskRepository repository;

	private final RiskScores scores;

	RiskPoolBadges(RiskRepository repository, RiskScores scores) {
		this.repository = repository;
		this.scores = scores;
	}

	@Override
	public Map<PoolId, PoolRiskBadge> badges(Collection<PoolId> pools) {
		Map<PoolId, PoolRiskBadge> badges = new LinkedHashMap<>();
		for (RiskAssessment assessment : this.repository.scores(pools)) {
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
