package com.yieldpilot.market.internal.store;

import java.time.Instant;
import java.util.Objects;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.Resolution;

/**
 * One rollup bucket of one metric of one subject: the mean, extremes, last value and
 * count of the samples within it.
 */
public record RollupBucket(String subject, Metric metric, Resolution resolution, Instant bucket, double avg, double min,
		double max, double last, int samples) {

	public RollupBucket {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(metric, "metric");
		Objects.requireNonNull(bucket, "bucket");
		if (resolution == Resolution.RAW) {
			throw new IllegalArgumentException("A rollup bucket is hourly or daily");
		}
		if (samples < 1) {
			throw new IllegalArgumentException("A rollup bucket holds at least one sample");
		}
	}

}
