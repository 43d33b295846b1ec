package com.yieldpilot.market;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.shared.PoolId;

/**
 * The risk badges the pool screens show, supplied by the module that scores pools. The
 * market module declares this port and the risk module implements it, so the dependency
 * runs from risk to market only; without an implementation the screens show no badge.
 */
public interface PoolRiskBadges {

	/**
	 * The stored badges of the given pools, read at once (the pools grid asks once per
	 * page, never per row); pools without a score are left out.
	 */
	Map<PoolId, PoolRiskBadge> badges(Collection<PoolId> pools);

	/**
	 * One pool's badge with its explanation, scoring the pool now if it has no score yet;
	 * empty for a pool the market does not know.
	 */
	Optional<PoolRiskBadge> badge(PoolId pool);

}
