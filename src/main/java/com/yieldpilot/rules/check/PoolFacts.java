package com.yieldpilot.rules.check;

import java.util.Objects;
import java.util.Set;

import com.yieldpilot.market.Metric;
import com.yieldpilot.shared.PoolId;

/**
 * What validation needs to know about a pool.
 *
 * @param id the pool
 * @param asset the asset it holds, e.g. {@code USDC} for {@code morpho:base:USDC-prime}
 * @param actionable whether rules may move funds into or out of it (registry and
 * simulated pools, not the read-only watched ones)
 * @param metrics the metrics a rule may read for it
 */
public record PoolFacts(PoolId id, String asset, boolean actionable, Set<Metric> metrics) {

	public PoolFacts {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(asset, "asset");
		metrics = Set.copyOf(metrics);
	}

	/**
	 * The asset a pool holds: its id's asset part up to the first dash, the convention of
	 * vault ids ({@code USDC-prime} holds {@code USDC}).
	 */
	public static String assetOf(PoolId id) {
		int dash = id.asset().indexOf('-');
		return (dash > 0) ? id.asset().substring(0, dash) : id.asset();
	}

}
