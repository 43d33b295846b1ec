package com.yieldpilot.chain;

import java.util.List;
import java.util.Set;

import org.web3j.protocol.Web3j;

/**
 * web3j clients for the production chains, one per chain configured with
 * {@code yieldpilot.chain.rpc.<chain>=url1,url2,…}. A client sends each request to the
 * first URL that works: a URL that times out, refuses or fails is retried with backoff
 * after the others, and skipped while its circuit breaker is open. Every URL must answer
 * the chain's id (EIP-155) before it is used; one that answers another is rejected for
 * good. Requests the chain itself refuses (a revert, an invalid transaction) come back as
 * JSON-RPC errors and are not retried elsewhere. URLs carry API keys, so they never
 * appear in logs, errors or health details with more than their host.
 */
public interface ChainClients {

	/** The chains with RPC URLs configured, by name (e.g. {@code base}). */
	Set<String> chains();

	/**
	 * The chain's client. It is shared: do not shut it down.
	 * @throws IllegalArgumentException when the chain has no RPC URLs configured
	 */
	Web3j client(String chain);

	/** The chain id every URL of the chain must answer. */
	long chainId(String chain);

	/** How each of the chain's URLs has been doing, in fallback order. */
	List<RpcEndpointStatus> endpoints(String chain);

}
