package com.yieldpilot.rules.check;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.market.Metric;
import com.yieldpilot.shared.PoolId;

/**
 * The names a rule may use: pools, chains and assets, and which metrics each has. The
 * only way a name in a rule becomes meaningful, so nothing else a farmer writes can reach
 * the compiled rule.
 */
public interface RuleVocabulary {

	Optional<PoolFacts> pool(PoolId id);

	/** Known pool ids closest to a mistyped text, best first. */
	List<PoolId> similarPools(String text, int max);

	/** The chains with at least one pool. */
	Set<String> chains();

	/** The chain-wide metrics available for a chain ({@code gas}). */
	Set<Metric> chainMetrics(String chain);

	/** The assets held by at least one pool. */
	Set<String> assets();

	/** The asset-wide metrics available for an asset ({@code price}). */
	Set<Metric> assetMetrics(String asset);

}
