package com.yieldpilot.market.internal.store;

import java.util.List;
import java.util.Optional;

import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.shared.PoolId;

/** The registered pools. Writes need a running transaction. */
public interface PoolRegistry {

	/** Adds the pool, or leaves an existing one as it is; true when it was added. */
	boolean register(PoolDescriptor pool);

	/**
	 * Adds every pool not registered yet, leaving existing ones as they are; returns how
	 * many were added.
	 */
	int registerAll(java.util.Collection<PoolDescriptor> pools);

	/**
	 * Records where the pool's numbers are read on chain: adds the pool with its
	 * contracts, or sets the contracts of the registered pool (the rest stays as it is).
	 */
	void attach(PoolDescriptor pool, PoolContracts contracts);

	/** The pools of this origin whose vault, price feed and asset decimals are known. */
	List<PoolContracts> contracts(PoolDescriptor.Origin origin);

	Optional<PoolDescriptor> find(PoolId id);

	/** The registered pools among these, in one query. */
	List<PoolDescriptor> find(java.util.Collection<PoolId> ids);

	List<PoolDescriptor> all();

	int count();

	/**
	 * Registered pools by their DefiLlama id (lower case), for mapping a DefiLlama batch.
	 */
	java.util.Map<String, PoolId> byDefiLlamaId();

}
