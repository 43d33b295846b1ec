package com.yieldpilot.market.internal.store;

import java.time.Instant;
import java.util.Map;

/**
 * The addresses of the contracts local mode deployed on a chain, by name. Writes need a
 * running transaction.
 */
public interface DevnetContractStore {

	/** Every recorded contract of the chain, by name; empty when none. */
	Map<String, String> addresses(long chainId);

	/** Replaces the chain's record with these contracts. */
	void replace(long chainId, Map<String, String> addresses, Instant deployedAt);

}
