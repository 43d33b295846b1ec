package com.yieldpilot.chain;

import org.web3j.protocol.Web3j;

/**
 * Local mode's chain: an anvil node this application started and will stop, with its
 * state kept in the home folder. Absent in production, where chains are reached through
 * configured RPC URLs.
 */
public interface LocalChain {

	/** anvil's default chain id, the same as Foundry's and Hardhat's local chains. */
	long CHAIN_ID = 31337;

	String rpcUrl();

	long chainId();

	/** A client polling at 100 ms, which suits a chain that mines instantly. */
	Web3j web3j();

}
