/**
 * Turns what sources report into stored samples and one {@code MarketUpdated} event per
 * batch.
 */
@NullMarked
package com.yieldpilot.market.internal.ingest;

import org.jspecify.annotations.NullMarked;
