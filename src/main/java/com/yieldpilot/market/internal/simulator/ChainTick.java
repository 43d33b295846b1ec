package com.yieldpilot.market.internal.simulator;

import java.time.Instant;

/**
 * One chain's gas fees as observed at the end of a step, in gwei.
 *
 * @param chain the chain, e.g. {@code ethereum}
 * @param observedAt the end of the step
 * @param baseFeeGwei the base fee of the next block, spikes included
 * @param priorityFeeGwei the typical priority fee (tip)
 */
public record ChainTick(String chain, Instant observedAt, double baseFeeGwei, double priorityFeeGwei) {
}
