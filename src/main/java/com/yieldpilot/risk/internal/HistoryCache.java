package com.yieldpilot.risk.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import com.yieldpilot.market.DailyRollupChange;
import com.yieldpilot.market.DailyRollupPosition;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.risk.internal.model.PoolHistory;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pools' daily histories for scoring, held on this node between market updates: each
 * pool's daily rollups are read once (many pools per query), then kept current from the
 * market's change feed of daily rollups ({@link MarketData#dailyRollupChanges}), which
 * every update reads before it serves. The feed lives in PostgreSQL, so what the hourly
 * rollup, a history import or a backfill wrote, on this node or another, is read before
 * the next score; a history is never older than the last committed rollup when it is
 * served. The result is what {@link PoolHistories#read} returns for the same window
 * (tested). Memory: about 5.5 KB per pool with 150 days (four series of doubles and a day
 * stamp per day), so about 110 MB for 20,000 pools. See decision record 0011.
 */
@Component
class HistoryCache {

	private static final List<Metric> METRICS = PoolHistories.METRICS;

	private static final long DAY = 86_400L;

	/**
	 * Read ahead of now: an imported row may lie a little in the future (clocks differ),
	 * and its day joins the window when it comes, without being written again.
	 */
	private static final Duration AHEAD = Duration.ofDays(2);

	/** A pool whose rollups were read and which had none in the window. */
	private static final PoolHistory NONE = PoolHistory.daily("none", 0, new double[0], new double[0], new double[0],
			new double[0], (d) -> "");

	private final MarketData market;

	private final PoolHistories direct;

	private final TransactionTemplate reads;

	private final Map<PoolId, PoolHistory> histories = new HashMap<>();

	private final Map<Long, String> stamps = new HashMap<>();

	/** The first day held: the start of the window last asked for. */
	private long heldFrom;

	/** Where the feed was last read; null before the first read. */
	private @Nullable DailyRollupPosition position;

	HistoryCache(MarketData market, PoolHistories direct, PlatformTransactionManager transactions) {
		this.market = market;
		this.direct = direct;
		// committed rollups only: a caller's own uncommitted writes could still roll back
		this.reads = new TransactionTemplate(transactions);
		this.reads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.reads.setReadOnly(true);
	}

	/**
	 * The pools' daily histories within [now − window, now], in the order asked for;
	 * pools without any data are left out.
	 */
	synchronized List<PoolHistory> read(List<PoolId> pools, Instant now, Duration window) {
		long from = Math.floorDiv(now.minus(window).getEpochSecond() + DAY - 1, DAY);
		long today = Math.floorDiv(now.getEpochSecond(), DAY);
		if (this.position != null && from < this.heldFrom) {
			// a call that took its time before another's, across midnight: days no longer
			// held, so read them rather than throw the held ones away
			return this.reads.execute((tx) -> this.direct.read(pools, now.minus(window), now.plusSeconds(1)));
		}
		if (this.position == null) {
			this.histories.clear();
		}
		this.heldFrom = (this.position == null) ? from : Math.max(this.heldFrom, from);
		this.reads.executeWithoutResult((tx) -> refresh(pools, now));
		List<PoolHistory> read = new ArrayList<>(pools.size());
		for (PoolId pool : pools) {
			PoolHistory held = this.histories.get(pool);
			if (held != null && held != NONE && held.firstDay() < from) {
				// the window moved on: days before it are never asked for again
				held = trim(held, from, Long.MAX_VALUE);
				this.histories.put(pool, (held != null) ? held : NONE);
			}
			if (held != null && held != NONE && held.lastDay() > today) {
				held = trim(held, from, today);
			}
			if (held != null && held != NONE) {
				read.add(held);
			}
		}
		return read;
	}

	/**
	 * Follows the feed for every pool held, then reads the pools not held yet. The
	 * position is taken first, so whatever the reads below cannot see yet comes with the
	 * next refresh.
	 */
	private void refresh(List<PoolId> pools, Instant now) {
		DailyRollupPosition next = this.market.dailyRollupPosition();
		if (this.position != null) {
			follow(this.position);
		}
		this.position = next;
		List<PoolId> missing = pools.stream().filter((p) -> !this.histories.containsKey(p)).distinct().toList();
		if (missing.isEmpty()) {
			return;
		}
		this.market.dailyHistories(missing, METRICS, Instant.ofEpochSecond(this.heldFrom * DAY), now.plus(AHEAD),
				(daily) -> {
					double[][] m = daily.means();
					this.histories.put(daily.pool(), PoolHistory.daily(daily.pool().toString(), daily.firstDay(), m[0],
							m[1], m[2], m[3], this::stamp));
				});
		missing.forEach((pool) -> this.histories.putIfAbsent(pool, NONE));
	}

	/** Applies the daily rollups written since the position to the pools held. */
	private void follow(DailyRollupPosition since) {
		Map<PoolId, List<DailyRollupChange>> changed = new HashMap<>();
		this.market.dailyRollupChanges(since, METRICS, Instant.ofEpochSecond(this.heldFrom * DAY), (change) -> {
			if (this.histories.containsKey(change.pool())) {
				changed.computeIfAbsent(change.pool(), (p) -> new ArrayList<>()).add(change);
			}
		});
		changed.forEach((pool, changes) -> {
			PoolHistory updated = apply(pool, this.histories.get(pool), changes);
			this.histories.put(pool, (updated != null) ? updated : NONE);
		});
	}

	private @Nullable PoolHistory apply(PoolId pool, @Nullable PoolHistory held, List<DailyRollupChange> changes) {
		boolean empty = (held == null || held == NONE);
		long first = empty ? Long.MAX_VALUE : held.firstDay();
		long last = empty ? Long.MIN_VALUE : held.lastDay();
		for (DailyRollupChange change : changes) {
			first = Math.min(first, change.day());
			last = Math.max(last, change.day());
		}
		double[][] means = series(empty ? null : held, first, last);
		for (DailyRollupChange change : changes) {
			means[METRICS.indexOf(change.metric())][(int) (change.day() - first)] = change.mean();
		}
		return history(pool.toString(), first, means);
	}

	/** The held history cut to [from, to], or null when nothing is left. */
	private @Nullable PoolHistory trim(PoolHistory held, long from, long to) {
		long first = Math.max(from, held.firstDay());
		long last = Math.min(to, held.lastDay());
		if (first > last) {
			return null;
		}
		return history(held.pool(), first, series(held, first, last));
	}

	/** The held values of days [first, last], NaN where there are none. */
	private static double[][] series(@Nullable PoolHistory held, long first, long last) {
		double[][] means = new double[METRICS.size()][(int) (last - first + 1)];
		for (int m = 0; m < means.length; m++) {
			Arrays.fill(means[m], Double.NaN);
		}
		if (held != null) {
			for (long d = Math.max(first, held.firstDay()); d <= Math.min(last, held.lastDay()); d++) {
				int i = (int) (d - first);
				means[0][i] = held.tvl(d);
				means[1][i] = held.apy(d);
				means[2][i] = held.apyBase(d);
				means[3][i] = held.apyReward(d);
			}
		}
		return means;
	}

	/**
	 * A history from the first to the last day with any value, as the market's read hands
	 * it over; null when no day has one.
	 */
	private @Nullable PoolHistory history(String pool, long first, double[][] means) {
		int start = -1;
		int end = -1;
		for (int i = 0; i < means[0].length; i++) {
			if (!Double.isNaN(means[0][i]) || !Double.isNaN(means[1][i]) || !Double.isNaN(means[2][i])
					|| !Double.isNaN(means[3][i])) {
				start = (start < 0) ? i : start;
				end = i;
			}
		}
		if (start < 0) {
			return null;
		}
		int from = start;
		int to = end + 1;
		return PoolHistory.daily(pool, first + start, Arrays.copyOfRange(means[0], from, to),
				Arrays.copyOfRange(means[1], from, to), Arrays.copyOfRange(means[2], from, to),
				Arrays.copyOfRange(means[3], from, to), this::stamp);
	}

	private String stamp(long day) {
		return this.stamps.computeIfAbsent(day, (d) -> Instant.ofEpochSecond(d * DAY).toString());
	}

	/** Pools held, with or without history: for the memory figure and tests. */
	synchronized int size() {
		return this.histories.size();
	}

}
