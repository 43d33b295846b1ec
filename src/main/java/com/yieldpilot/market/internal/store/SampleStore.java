package com.yieldpilot.market.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.yieldpilot.market.HistoryPoint;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.Resolution;

/**
 * Writes samples in batches and reads series and latest values. Writes need a running
 * transaction.
 */
public interface SampleStore {

	/**
	 * Stores samples; a sample already stored (same subject, metric, time and source) is
	 * ignored.
	 */
	int append(Collection<MetricSample> samples);

	/** The newest sample of every metric and source of these subjects. */
	List<MetricSample> latest(Collection<String> subjects);

	/** Samples of one metric of one subject, oldest first, within [from, to). */
	List<MetricSample> series(String subject, Metric metric, Instant from, Instant to);

	/** Makes sure the monthly partitions covering [from, to] exist. */
	void ensurePartitions(Instant from, Instant to);

	/**
	 * Recomputes the rollups of every bucket overlapping [from, to); returns how many
	 * buckets changed.
	 */
	int rollup(Resolution resolution, Instant from, Instant to);

	/** Rollup buckets of one metric of one subject within [from, to), oldest first. */
	List<HistoryPoint> rollups(String subject, Metric metric, Resolution resolution, Instant from, Instant to);

	/**
	 * Newest values that changed after a change number, in change order, at most
	 * {@code limit}: the feed the live market follows.
	 */
	List<LatestChange> changesAfter(long changeNumber, int limit);

	/**
	 * One metric's samples of one subject since {@code from}, summarised per bucket of
	 * {@code width} (buckets numbered from the epoch), oldest first.
	 */
	List<SampleBucket> buckets(String subject, Metric metric, Instant from, Duration width);

	/**
	 * Drops the monthly partitions of raw samples that end before the instant; returns
	 * their names.
	 */
	List<String> dropRawBefore(Instant before);

}
