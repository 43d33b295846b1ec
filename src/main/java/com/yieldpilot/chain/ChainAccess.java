package com.yieldpilot.chain;

import org.web3j.protocol.Web3j;

/**
 * The web3j client for a chain by its id (EIP-155): a configured production chain (with
 * its RPC failover), or local mode's anvil. A configured chain wins when both answer the
 * same id, so a deployment can put failover URLs in front of a local chain too.
 */
public interface ChainAccess {

	/**
	 * The chain's shared client; do not shut it down.
	 * @throws IllegalStateException when no RPC URL is configured for the chain
	 */
	Web3j client(long chainId);

	/** Whether the chain is local mode's anvil, which mines on demand. */
	boolean isLocal(long chainId);

}
