package com.yieldpilot.market.internal.store;

import java.time.Instant;

/**
 * Samples of one bucket of a series, summarised: enough to merge buckets into any window
 * aggregate.
 */
public record SampleBucket(long bucket, long count, double sum, double min, double max, Instant firstAt, double first,
		Instant lastAt, double last) {
}
