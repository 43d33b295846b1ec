package com.yieldpilot.market;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A metric's newest value from one source, and whether it is still fresh enough to act
 * on.
 */
public record LatestValue(Metric metric, double value, Instant observedAt, Source source, @Nullable Long blockNumber,
		boolean stale) {

	static LatestValue of(MetricSample sample, Instant now) {
		boolean stale = sample.observedAt().plus(sample.source().staleAfter()).isBefore(now);
		return new LatestValue(sample.metric(), sample.value(), sample.observedAt(), sample.source(),
				sample.blockNumber(), stale);
	}

}
