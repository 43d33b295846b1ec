package com.yieldpilot.market.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.Source;

/**
 * Writes samples in batches and reads series and latest values; their rollups are
 * {@link RollupStore}'s. Writes need a running transaction.
 */
public interface SampleStore {

	/**
	 * Waits until no other transaction writes newest values, and keeps others waiting
	 * until this one ends. Change numbers come from a sequence as rows are written, and
	 * readers follow the feed by "after n": were a writer with a lower number to commit
	 * after one with a higher, a reader between the two commits would skip its values for
	 * good. Taken first in a transaction, before any row lock, so turns never deadlock.
	 */
	void takeChangeTurn();

	/**
	 * Stores samples; a sample already stored (same subject, metric, time and source) is
	 * ignored.
	 */
	int append(Collection<MetricSample> samples);

	/**
	 * Stores one sample of a metric per subject, all from one source at one instant, as
	 * {@link #append} does, in one statement for the series and one for the latest values
	 * (each column bound as one array): for many subjects at once, such as a risk score
	 * for every pool. Returns how many were new.
	 * @param subjects distinct subjects
	 * @param values the value of each subject, in the same order
	 * @throws IllegalArgumentException when a subject repeats or the lengths differ
	 */
	int appendColumn(Metric metric, Source source, Instant observedAt, List<String> subjects, double[] values);

	/**
	 * Stores samples of past history: like {@link #append}, but the latest values are
	 * left alone, since history is never what a pool shows now. Returns how many were
	 * new.
	 */
	int appendHistory(Collection<MetricSample> samples);

	/** The newest sample of every metric and source of these subjects. */
	List<MetricSample> latest(Collection<String> subjects);

	/** Samples of one metric of one subject, oldest first, within [from, to). */
	List<MetricSample> series(String subject, Metric metric, Instant from, Instant to);

	/** Makes sure the monthly partitions covering [from, to] exist. */
	void ensurePartitions(Instant from, Instant to);

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
