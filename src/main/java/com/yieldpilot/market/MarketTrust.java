package com.yieldpilot.market;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.market.internal.store.CrossCheckStore;
import com.yieldpilot.shared.PoolId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a pool's numbers can be trusted enough to act on: where a reference source
 * (DefiLlama; the simulator in local mode) and the chain both report a metric, they must
 * agree within the configured tolerance ({@code yieldpilot.market.cross-check.*}). Rules
 * and executions ask {@link #actionBlock(PoolId)} before they touch a pool; changes are
 * announced as {@link PoolBecameInconsistent} and {@link PoolBecameConsistent} (at least
 * once: a listener must tolerate hearing a change twice). Freshness is a separate matter:
 * stale values are flagged on each {@link LatestValue}.
 */
@Service
@Transactional(readOnly = true)
public class MarketTrust {

	private final CrossCheckStore store;

	MarketTrust(CrossCheckStore store) {
		this.store = store;
	}

	/** Why no action may touch the pool now, or empty when nothing speaks against it. */
	public Optional<String> actionBlock(PoolId pool) {
		return inconsistency(pool).map(PoolInconsistency::reason);
	}

	/**
	 * {@link #actionBlock} of many pools in one query: the pools no action may touch now,
	 * with why; a pool left out may be acted on.
	 */
	public Map<PoolId, String> actionBlocks(Collection<PoolId> pools) {
		if (pools.isEmpty()) {
			return Map.of();
		}
		Map<PoolId, String> blocks = new HashMap<>();
		this.store.inconsistencies(pools).forEach((pool, found) -> blocks.put(pool, found.reason()));
		return blocks;
	}

	/** The pool's current disagreements, or empty when its sources agree. */
	public Optional<PoolInconsistency> inconsistency(PoolId pool) {
		return Optional.ofNullable(this.store.inconsistencies(List.of(pool)).get(pool));
	}

	/** Every inconsistent pool, the longest-standing first. */
	public List<PoolInconsistency> inconsistentPools() {
		return this.store.inconsistencies();
	}

}
