package com.yieldpilot.market.internal.store;

import com.yieldpilot.market.MetricSample;

/** A newest value as it changed, with its number in the change feed. */
public record LatestChange(long changeNumber, MetricSample sample) {
}
