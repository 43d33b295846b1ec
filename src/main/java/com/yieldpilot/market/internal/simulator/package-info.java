/**
 * The simulated market that local mode and demos run on: a seeded, reproducible
 * stochastic model of a dozen lending pools on Base, Ethereum and Arbitrum, advanced in
 * steps of simulated time. Base APYs revert to their means with jumps, reward emissions
 * end, TVL drifts and now and then drains, stablecoins hover around the peg and WETH
 * walks around its price, gas fees revert with spikes, and rare exploits and depegs
 * happen. Every process is written in continuous time (exact Ornstein–Uhlenbeck
 * transitions, Poisson clocks that draw event times rather than per-step coin flips), so
 * the statistics do not depend on the step size; every pool, asset and chain draws from
 * its own generator derived from the seed and its name, so adding a pool changes no other
 * path. Plain Java: no Spring, no database, no chain.
 */
@NullMarked
package com.yieldpilot.market.internal.simulator;

import org.jspecify.annotations.NullMarked;
