package com.yieldpilot.risk;

import java.util.List;
import java.util.Optional;

import com.yieldpilot.market.LatestValue;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.PoolSnapshot;
import com.yieldpilot.market.Source;
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

	/**
	 * The pool's latest assessment, checked as of the newest scoring pass that confirmed
	 * it; empty for a pool the market does not know.
	 */
	public Optional<RiskAssessment> assessment(PoolId pool) {
		Optional<PoolSnapshot> snapshot = this.market.pool(pool);
		if (snapshot.isEmpty()) {
			return Optional.empty();
		}
		return this.access.latest(pool)
			.map((a) -> checked(a, snapshot.get()))
			.or(() -> this.access.scoreNow(List.of(pool)).stream().findFirst());
	}

	/**
	 * Every scoring pass stores each score it computes as the pool's {@code risk} value,
	 * while the assessment's row is rewritten only when the score changes: the value's
	 * time is when the stored score was last confirmed.
	 */
	private static RiskAssessment checked(RiskAssessment assessment, PoolSnapshot snapshot) {
		RiskAssessment checked = assessment;
		for (LatestValue value : snapshot.values()) {
			if (value.metric() == Metric.RISK && value.source() == Source.RISK_MODEL
					&& Double.compare(value.value(), assessment.score()) == 0) {
				checked = checked.checkedAt(value.observedAt());
			}
		}
		return checked;
	}

}
