package com.yieldpilot.market;

import java.time.Instant;
import java.util.Objects;

import com.yieldpilot.shared.PoolId;

/**
 * The sources of a pool that was inconsistent agree again on every metric they both
 * report.
 *
 * @param pool the pool
 * @param inconsistentSince when the disagreement had begun
 * @param at when the agreement was observed
 */
public record PoolBecameConsistent(PoolId pool, Instant inconsistentSince, Instant at) {

	public PoolBecameConsistent {
		Objects.requireNonNull(pool, "pool");
		Objects.requireNonNull(inconsistentSince, "inconsistentSince");
		Objects.requireNonNull(at, "at");
	}

}
