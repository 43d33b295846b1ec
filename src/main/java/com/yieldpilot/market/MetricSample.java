package com.yieldpilot.market;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One observed value. The subject is a pool id for pool metrics and {@code chain:<name>}
 * for chain metrics. Chain reads carry their block number.
 */
public record MetricSample(String subject, Metric metric, Instant observedAt, double value, Source source,
		@Nullable Long blockNumber) {

	public MetricSample {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(metric, "metric");
		Objects.requireNonNull(observedAt, "observedAt");
		Objects.requireNonNull(source, "source");
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException("A sample needs a finite value, not " + value + " (" + subject + ")");
		}
	}

	public static String chainSubject(String chain) {
		return "chain:" + chain;
	}

}
