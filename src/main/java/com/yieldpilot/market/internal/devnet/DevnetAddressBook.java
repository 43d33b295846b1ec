package com.yieldpilot.market.internal.devnet;

import java.util.Map;

/**
 * Where the devnet's addresses are kept between runs, and how its vaults reach the pool
 * registry.
 */
interface DevnetAddressBook {

	/** The recorded contracts of the chain, by name. */
	Map<String, String> recorded(long chainId);

	/**
	 * Records a freshly deployed set in place of any earlier one, and attaches its pools.
	 */
	void recordDeployment(long chainId, DevnetContracts contracts);

	/** Attaches each pool to its vault and price feed in the registry. */
	void attachPools(DevnetContracts contracts);

}
