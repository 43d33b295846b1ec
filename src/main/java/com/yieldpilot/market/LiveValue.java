package com.yieldpilot.market;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A number the rules engine reads: a metric's newest value or a window aggregate, where
 * it came from, and whether it is fresh enough to act on. A stale value never makes a
 * rule fire.
 */
public record LiveValue(double value, Instant observedAt, Source source, @Nullable Long blockNumber, boolean stale) {
}
