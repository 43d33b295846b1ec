/**
 * On-chain reads with web3j: ERC-4626 vault state and share price, Aave v3 reserve rates,
 * Chainlink prices and gas fees. Calls are plain ABI-encoded {@code eth_call}s pinned to
 * one block, batched through Multicall3 where it is deployed, so every value of a batch
 * describes the same block.
 */
@NullMarked
package com.yieldpilot.market.internal.onchain;

import org.jspecify.annotations.NullMarked;
