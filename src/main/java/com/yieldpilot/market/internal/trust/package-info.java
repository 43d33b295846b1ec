/**
 * Cross-checks each pool's reference source (DefiLlama; the simulator in local mode)
 * against the chain wherever both report the same metric, in the transaction that stores
 * the samples, and marks the pool inconsistent while they disagree beyond the tolerance.
 * See docs/decisions/0006-market-history-and-cross-check.md.
 */
@NullMarked
package com.yieldpilot.market.internal.trust;

import org.jspecify.annotations.NullMarked;
