package com.yieldpilot.risk;

import java.util.List;
import java.util.Optional;

import com.yieldpilot.market.MarketData;
import com.yieldpilot.risk.internal.RiskAccess;
import com.yieldpilot.shared.PoolId;

import org.springframework.stereotype.Service;

/**
 * Pools' risk scores for screens, the API and other modules: the latest assessment of a
 * pool, scored now when it has none yet. Rules read the same score as the pool's
 * {@code risk} metric.
 */
@Service
public class RiskScores {

	private final RiskAccess access;

	private final MarketData market;

	RiskScores(RiskAccess access, MarketData market) {
		this.access = access;
		this.market = market;
	}

	/** The pool's latest assessment; empty for a pool the market does not know. */
	public Optional<RiskAssessment> assessment(PoolId pool) {
		if (this.market.pool(pool).isEmpty()) {
			return Optional.empty();
		}
		return this.access.latest(pool).or(() -> this.access.scoreNow(List.of(pool)).stream().findFirst());
	}

}
