package com.yieldpilot.market.internal.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import com.yieldpilot.market.DailyHistory;
import com.yieldpilot.market.DailyRollupChange;
import com.yieldpilot.market.DailyRollupPosition;
import com.yieldpilot.market.HistoryPoint;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.Resolution;
import com.yieldpilot.shared.PoolId;

/**
 * Rolls raw samples up into hourly and daily buckets and reads them: one subject's
 * history, many pools' daily means at once, and the daily rollups' change feed. Raw
 * samples and the newest values are {@link SampleStore}'s.
 */
public interface RollupStore {

	/**
	 * Recomputes the rollups of every bucket overlapping [from, to); returns how many
	 * buckets changed.
	 */
	int rollup(Resolution resolution, Instant from, Instant to);

	/**
	 * Recomputes one subject's rollups for every whole bucket overlapping [from, to),
	 * from its raw samples; returns how many buckets changed.
	 */
	int rollup(String subject, Resolution resolution, Instant from, Instant to);

	/**
	 * Writes the buckets that do not exist yet and leaves existing ones as they are;
	 * returns the buckets written.
	 */
	List<RollupBucket> addRollupsIfAbsent(Collection<RollupBucket> buckets);

	/** Rollup buckets of one metric of one subject within [from, to), oldest first. */
	List<HistoryPoint> rollups(String subject, Metric metric, Resolution resolution, Instant from, Instant to);

	/**
	 * The daily means of the given metrics of many subjects within [from, to), one
	 * {@link DailyHistory} per subject that has any, handed over subject by subject so
	 * the rows are never all in memory at once.
	 */
	void dailyHistories(Collection<PoolId> subjects, List<Metric> metrics, Instant from, Instant to,
			Consumer<DailyHistory> each);

	/**
	 * Where the daily rollups' change feed stands now: which transactions this one cannot
	 * see (started later, or still running), so that exactly their daily rollups are read
	 * as changes later.
	 */
	DailyRollupPosition dailyRollupPosition();

	/**
	 * The daily rollups of the given metrics of pools, of days from {@code from} on,
	 * written since the position (some of them may have been read before), handed over
	 * one by one.
	 */
	void dailyRollupChanges(DailyRollupPosition since, List<Metric> metrics, Instant from,
			Consumer<DailyRollupChange> each);

}
