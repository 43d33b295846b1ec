package com.yieldpilot.market;

import java.util.List;
import java.util.Optional;

/** A pool with the newest value of each of its metrics. */
public record PoolSnapshot(PoolDescriptor pool, List<LatestValue> values) {

	public PoolSnapshot {
		values = List.copyOf(values);
	}

	/** The freshest value of a metric across sources. */
	public Optional<LatestValue> value(Metric metric) {
		return this.values.stream()
			.filter(v -> v.metric() == metric)
			.max(java.util.Comparator.comparing(LatestValue::observedAt));
	}

	/** Fresh when every metric's newest value is fresh. */
	public boolean fresh() {
		return !this.values.isEmpty() && this.values.stream().noneMatch(LatestValue::stale);
	}

}
