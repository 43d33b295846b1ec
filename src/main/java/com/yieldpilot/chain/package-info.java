/**
 * Access to EVM chains: the production chains' web3j clients over configured RPC URLs
 * with fallback ({@link com.yieldpilot.chain.ChainClients}), the local anvil devnet
 * (launched from the npm package for local mode and tests), its well-known development
 * accounts, and the web3j contract wrappers generated at build time from contracts/.
 * Nonce and fee services join when execution needs them.
 */
@NullMarked
@ApplicationModule(displayName = "Chain")
package com.yieldpilot.chain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
