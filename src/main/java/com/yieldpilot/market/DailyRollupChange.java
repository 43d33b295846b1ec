package com.yieldpilot.market;

import java.util.Objects;

import com.yieldpilot.shared.PoolId;

/**
 * A pool's daily rollup of one metric as it now stands, because it was written after a
 * {@link DailyRollupPosition}: a day closed by the hourly rollup, a late sample counted,
 * or a history import or backfill.
 *
 * @param pool the pool
 * @param metric the metric
 * @param day the day, as days since 1970-01-01 (UTC)
 * @param mean the mean of the day's samples
 */
public record DailyRollupChange(PoolId pool, Metric metric, long day, double mean) {

	public DailyRollupChange {
		Objects.requireNonNull(pool, "pool");
		Objects.requireNonNull(metric, "metric");
	}

}
