package com.yieldpilot.risk.internal.model;

import java.util.List;

/**
 * Features and outcomes of every scorable pool-day: row r is pool {@link #pool(int)} on
 * day {@link #day(int)}, its features in {@link #features()} at
 * {@code r * Feature.COUNT}, {@code NaN} where unknown. Rows are ordered by day, then
 * pool. The outcome of a row is only usable once it has matured ({@link #maturedBy}).
 */
public final class FeatureTable {

	private final List<PoolHistory> pools;

	private final int[] pool;

	private final long[] day;

	private final float[] features;

	private final double[] outcome;

	FeatureTable(List<PoolHistory> pools, int[] pool, long[] day, float[] features, double[] outcome) {
		this.pools = pools;
		this.pool = pool;
		this.day = day;
		this.features = features;
		this.outcome = outcome;
	}

	public int size() {
		return this.day.length;
	}

	public PoolHistory history(int row) {
		return this.pools.get(this.pool[row]);
	}

	public int pool(int row) {
		return this.pool[row];
	}

	public long day(int row) {
		return this.day[row];
	}

	/** Row-major features; do not modify. */
	public float[] features() {
		return this.features;
	}

	public float feature(int row, Feature feature) {
		return this.features[row * Feature.COUNT + feature.ordinal()];
	}

	public float[] row(int row) {
		float[] copy = new float[Feature.COUNT];
		System.arraycopy(this.features, row * Feature.COUNT, copy, 0, Feature.COUNT);
		return copy;
	}

	/** 1 adverse, 0 not, {@code NaN} unknown; see {@link Outcome}. */
	public double outcome(int row) {
		return this.outcome[row];
	}

	/** Whether the row's outcome was known on the given day. */
	public boolean maturedBy(int row, long asOf) {
		return this.day[row] + Outcome.HORIZON_DAYS <= asOf && !Double.isNaN(this.outcome[row]);
	}

}
