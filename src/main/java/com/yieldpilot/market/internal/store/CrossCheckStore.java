package com.yieldpilot.market.internal.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.yieldpilot.market.PoolInconsistency;
import com.yieldpilot.shared.PoolId;

/**
 * The latest comparison of every metric that a reference source and the chain both report
 * for a pool. Writes need a running transaction.
 */
public interface CrossCheckStore {

	/** The stored comparisons of these pools. */
	List<Comparison> comparisons(Collection<PoolId> pools);

	/**
	 * Stores each comparison, replacing the previous one of its pool, metric and source.
	 */
	void save(Collection<Comparison> comparisons);

	/** The inconsistent pools among these. */
	Map<PoolId, PoolInconsistency> inconsistencies(Collection<PoolId> pools);

	/** Every inconsistent pool, the longest-standing first. */
	List<PoolInconsistency> inconsistencies();

}
