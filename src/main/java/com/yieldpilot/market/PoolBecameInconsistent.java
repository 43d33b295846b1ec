package com.yieldpilot.market;

import java.util.Objects;

import com.yieldpilot.shared.PoolId;

/**
 * A pool's reference source and the chain started to disagree: rules and executions must
 * leave the pool alone until {@link PoolBecameConsistent}.
 */
public record PoolBecameInconsistent(PoolId pool, PoolInconsistency inconsistency) {

	public PoolBecameInconsistent {
		Objects.requireNonNull(pool, "pool");
		Objects.requireNonNull(inconsistency, "inconsistency");
	}

}
