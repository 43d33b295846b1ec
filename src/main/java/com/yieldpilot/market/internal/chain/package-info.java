/**
 * The production chains as market sources: one per chain with RPC URLs, reading the
 * registry's pools on that chain (ERC-4626 vaults, Aave v3 reserves, Comets, Chainlink
 * feeds) and its gas fees at the latest block.
 */
@NullMarked
package com.yieldpilot.market.internal.chain;

import org.jspecify.annotations.NullMarked;
