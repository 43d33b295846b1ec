/**
 * Local mode's devnet market: on the local anvil chain, one token and one price feed per
 * simulated asset and one ERC-4626 vault per simulated pool, deployed once and reused
 * across restarts; after every simulator step a worker thread has the vaults accrue the
 * simulated base yield (or lose what an exploit took) and the feeds take the simulated
 * prices; and the {@code chain-local} source reads them back at the block of the last
 * complete drive, so local mode's on-chain numbers are real reads. Decisions:
 * docs/decisions/0003-devnet-market.md.
 */
@NullMarked
package com.yieldpilot.market.internal.devnet;

import org.jspecify.annotations.NullMarked;
