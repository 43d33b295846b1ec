package com.yieldpilot.risk;

import java.util.List;
import java.util.Objects;

import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * A pool was scored. The score is also stored as the pool's {@code risk} metric, which is
 * what rules read.
 *
 * @param pool the pool
 * @param score 0 (safe) to 1
 * @param modelVersion the model version, null for the heuristic
 * @param heuristic whether the cold-start heuristic scored
 * @param explanation the main contributing features, largest effect first, for the
 * heuristic's scores; empty for a model's, which are explained when they are shown
 * ({@link RiskScores#assessment}) rather than for every pool of every market update
 */
public record RiskScored(PoolId pool, double score, @Nullable Integer modelVersion, boolean heuristic,
		List<RiskFactor> explanation) {

	public RiskScored {
		Objects.requireNonNull(pool, "pool");
		explanation = List.copyOf(explanation);
	}

}
