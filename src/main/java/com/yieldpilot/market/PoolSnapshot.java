package com.yieldpilot.market;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A pool with the newest value of each of its metrics, and its sources' disagreement if
 * they disagree ({@link MarketTrust}).
 */
public record PoolSnapshot(PoolDescriptor pool, List<LatestValue> values, @Nullable PoolInconsistency inconsistency) {

	/**
	 * Newer wins; between values observed at the same instant, the source whose name
	 * sorts first. The explorer's SQL ({@code PoolQuery}) picks the same value, so a pool
	 * a filter admits shows the value it was admitted for.
	 */
	private static final Comparator<LatestValue> NEWEST = Comparator.comparing(LatestValue::observedAt)
		.thenComparing(v -> v.source().name(), Comparator.reverseOrder());

	public PoolSnapshot {
		values = List.copyOf(values);
	}

	/** A pool whose sources do not disagree. */
	public PoolSnapshot(PoolDescriptor pool, List<LatestValue> values) {
		this(pool, values, null);
	}

	/**
	 * Whether its sources agree wherever they can be compared; no action may touch an
	 * inconsistent pool.
	 */
	public boolean consistent() {
		return this.inconsistency == null;
	}

	/** The freshest value of a metric across sources. */
	public Optional<LatestValue> value(Metric metric) {
		return this.values.stream().filter(v -> v.metric() == metric).max(NEWEST);
	}

	/** Fresh when every metric's newest value is fresh. */
	public boolean fresh() {
		return !this.values.isEmpty() && this.values.stream().noneMatch(LatestValue::stale);
	}

}
