package com.yieldpilot.market;

import java.util.List;

import com.yieldpilot.shared.PoolId;

/**
 * A pool's daily means of several metrics, from its first to its last day with a rollup
 * in the window read: {@code means[m][d]} is the mean of {@code metrics.get(m)} on day
 * {@code firstDay + d} (days since 1970-01-01, UTC), {@code NaN} where that day has none.
 * Arrays rather than a point per day, because scoring reads 150 days of 20,000 pools at
 * once.
 *
 * @param pool the pool
 * @param metrics the metrics, in the order of {@code means}
 * @param firstDay the first day with a value of any of the metrics
 * @param means one array per metric, all of the same length
 */
public record DailyHistory(PoolId pool, List<Metric> metrics, long firstDay, double[][] means) {

	public DailyHistory {
		metrics = List.copyOf(metrics);
		if (means.length != metrics.size()) {
			throw new IllegalArgumentException("One series per metric");
		}
	}

	/** How many days the series span. */
	public int days() {
		return (this.means.length == 0) ? 0 : this.means[0].length;
	}

}
