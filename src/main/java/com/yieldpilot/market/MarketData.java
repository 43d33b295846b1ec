package com.yieldpilot.market;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.yieldpilot.market.internal.store.CrossCheckStore;
import com.yieldpilot.market.internal.store.PoolQuery;
import com.yieldpilot.market.internal.store.PoolRegistry;
import com.yieldpilot.market.internal.store.RollupStore;
import com.yieldpilot.market.internal.store.SampleStore;
import com.yieldpilot.shared.PoolId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads for screens, the REST API and other modules: pools with their latest values and
 * whether their sources agree, and metric history.
 */
@Service
@Transactional(readOnly = true)
public class MarketData {

	/** The most pools one call returns. */
	public static final int MAX_PAGE = 1000;

	private final PoolRegistry registry;

	private final PoolQuery query;

	private final SampleStore samples;

	private final RollupStore rollups;

	private final CrossCheckStore crossChecks;

	private final Clock clock;

	MarketData(PoolRegistry registry, PoolQuery query, SampleStore samples, RollupStore rollups,
			CrossCheckStore crossChecks, Clock clock) {
		this.registry = registry;
		this.query = query;
		this.samples = samples;
		this.rollups = rollups;
		this.crossChecks = crossChecks;
		this.clock = clock;
	}

	/**
	 * A page of the pools that match the filter, in the given order, with the newest
	 * value of each of their metrics.
	 * @throws IllegalArgumentException when the offset is negative or the limit is not
	 * between 0 and {@value #MAX_PAGE}
	 */
	public List<PoolSnapshot> pools(PoolFilter filter, PoolSort sort, int offset, int limit) {
		requirePage(offset, limit);
		return snapshots(this.query.find(filter, sort, offset, limit));
	}

	/** How many pools match the filter. */
	public int count(PoolFilter filter) {
		return filter.equals(PoolFilter.any()) ? this.registry.count() : this.query.count(filter);
	}

	/**
	 * A page and the number of all matching pools, read from one snapshot of the database
	 * so the two agree while new values arrive.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public PoolPage page(PoolFilter filter, PoolSort sort, int offset, int limit) {
		return new PoolPage(pools(filter, sort, offset, limit), count(filter));
	}

	/** The chains, protocols and assets the explorer's filters offer. */
	public PoolFacets facets() {
		return this.query.facets();
	}

	public List<PoolSnapshot> pools(int offset, int limit) {
		return pools(PoolFilter.any(), PoolSort.BY_ID, offset, limit);
	}

	/** Pools whose id contains the text, e.g. a chain, protocol or asset name. */
	public List<PoolSnapshot> search(String text, int offset, int limit) {
		return pools(PoolFilter.matching(text), PoolSort.BY_ID, offset, limit);
	}

	public int countMatching(String text) {
		return count(PoolFilter.matching(text));
	}

	private static void requirePage(int offset, int limit) {
		if (offset < 0 || limit < 0 || limit > MAX_PAGE) {
			throw new IllegalArgumentException("offset must be 0 or more and limit between 0 and " + MAX_PAGE + ", not "
					+ offset + " and " + limit);
		}
	}

	private List<PoolSnapshot> snapshots(List<PoolDescriptor> pools) {
		Map<String, List<MetricSample>> latest = this.samples
			.latest(pools.stream().map(p -> p.id().toString()).toList())
			.stream()
			.collect(Collectors.groupingBy(MetricSample::subject));
		Map<PoolId, PoolInconsistency> inconsistent = this.crossChecks
			.inconsistencies(pools.stream().map(PoolDescriptor::id).toList());
		Instant now = this.clock.instant();
		return pools.stream()
			.map(p -> new PoolSnapshot(p,
					latest.getOrDefault(p.id().toString(), List.of())
						.stream()
						.map(s -> LatestValue.of(s, now))
						.toList(),
					inconsistent.get(p.id())))
			.toList();
	}

	public int count() {
		return this.registry.count();
	}

	public Optional<PoolSnapshot> pool(PoolId id) {
		return this.registry.find(id).map(p -> snapshots(List.of(p)).get(0));
	}

	/**
	 * {@link #pool} of many pools in three queries whatever their number; a pool the
	 * market does not know is left out.
	 */
	public Map<PoolId, PoolSnapshot> pools(Collection<PoolId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return snapshots(this.registry.find(ids)).stream().collect(Collectors.toMap(s -> s.pool().id(), s -> s));
	}

	/** One metric's samples for a pool, oldest first, within [from, to). */
	public List<MetricSample> history(PoolId id, Metric metric, Instant from, Instant to) {
		return this.samples.series(id.toString(), metric, from, to);
	}

	/**
	 * The daily means of several metrics of many pools within [from, to), one
	 * {@link DailyHistory} per pool that has any, handed over pool by pool (in no
	 * particular order): one query per {@value #MAX_PAGE} pools instead of one per pool
	 * and metric. Needs a transaction when called from outside (its rows stream through a
	 * cursor).
	 */
	public void dailyHistories(Collection<PoolId> pools, List<Metric> metrics, Instant from, Instant to,
			Consumer<DailyHistory> each) {
		this.rollups.dailyHistories(pools, metrics, from, to, each);
	}

	/**
	 * Where the change feed of the daily rollups stands now, to read what changes from
	 * here on with {@link #dailyRollupChanges}. Take it before reading what it should
	 * follow (e.g. with {@link #dailyHistories}).
	 */
	public DailyRollupPosition dailyRollupPosition() {
		return this.rollups.dailyRollupPosition();
	}

	/**
	 * The pools' daily rollups of the given metrics, of days from {@code from} on, that
	 * were written since the position, on any node and by any job (the hourly rollup,
	 * history imports and backfills), as they stand now: what a copy of
	 * {@link #dailyHistories} taken after the position needs to stay current. A rollup
	 * may come again although it was read before; rollups are never deleted. Needs a
	 * transaction when called from outside (its rows stream through a cursor).
	 */
	public void dailyRollupChanges(DailyRollupPosition since, List<Metric> metrics, Instant from,
			Consumer<DailyRollupChange> each) {
		this.rollups.dailyRollupChanges(since, metrics, from, each);
	}

	/**
	 * One metric's history at a resolution: raw samples, or hourly or daily rollups (kept
	 * for years).
	 */
	public List<HistoryPoint> history(PoolId id, Metric metric, Resolution resolution, Instant from, Instant to) {
		if (resolution == Resolution.RAW) {
			return history(id, metric, from, to).stream()
				.map(s -> new HistoryPoint(s.observedAt(), s.value(), s.value(), s.value(), 1))
				.toList();
		}
		return this.rollups.rollups(id.toString(), metric, resolution, from, to);
	}

}
