package com.yieldpilot.market;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.yieldpilot.shared.PoolId;

/**
 * A batch of samples was stored. Lists the pools and chains whose metrics changed, so
 * rules and risk scoring re-evaluate only what is affected.
 */
public record MarketUpdated(List<PoolId> pools, List<String> chains, Set<Metric> metrics, Instant observedAt,
		Source source, int samples) {

	public MarketUpdated {
		pools = List.copyOf(pools);
		chains = List.copyOf(chains);
		metrics = Set.copyOf(metrics);
	}

}
