package com.yieldpilot.market;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.yieldpilot.market.internal.live.LiveState;
import com.yieldpilot.market.internal.store.LatestChange;
import com.yieldpilot.market.internal.store.SampleStore;

import org.springframework.stereotype.Service;

/**
 * The market as the rules engine reads it, in memory on this node: each series' freshest
 * value and the trailing-window aggregates rules use. {@link #sync} follows the
 * database's change feed, so values ingested by any node arrive here; a window is loaded
 * from stored samples the first time it is asked for and then updated sample by sample.
 */
@Service
public class LiveMarket {

	private static final int PAGE = 10_000;

	private final SampleStore samples;

	private final Clock clock;

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private final LiveState state = new LiveState();

	LiveMarket(SampleStore samples, Clock clock) {
		this.samples = samples;
		this.clock = clock;
	}

	/** Reads what changed since the last sync; returns the series that changed. */
	public Set<SeriesKey> sync() {
		Set<SeriesKey> changed = new HashSet<>();
		this.lock.writeLock().lock();
		try {
			List<LatestChange> page;
			do {
				page = this.samples.changesAfter(this.state.changeNumber(), PAGE);
				for (LatestChange change : page) {
					changed.add(this.state.accept(change));
				}
			}
			while (page.size() == PAGE);
		}
		finally {
			this.lock.writeLock().unlock();
		}
		return changed;
	}

	/** A metric's freshest value across sources, marked stale when no source is fresh. */
	public Optional<LiveValue> latest(SeriesKey series) {
		Instant now = this.clock.instant();
		this.lock.readLock().lock();
		try {
			return Optional.ofNullable(this.state.latest(series, now));
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * An aggregate over the trailing window, exact to a sixtieth of its length; empty
	 * while the window holds no sample. The first call for a window loads it from stored
	 * samples.
	 */
	public Optional<LiveValue> window(SeriesKey series, WindowAggregate aggregate, Duration length) {
		Instant now = this.clock.instant();
		this.lock.readLock().lock();
		try {
			if (this.state.tracks(series, length)) {
				return Optional.ofNullable(this.state.aggregate(series, length, aggregate, now));
			}
		}
		finally {
			this.lock.readLock().unlock();
		}
		this.lock.writeLock().lock();
		try {
			if (!this.state.tracks(series, length)) {
				this.state.track(series, length, (ring) -> this.samples.buckets(series.subject(), series.metric(),
						now.minus(length).minus(ring), ring));
			}
			return Optional.ofNullable(this.state.aggregate(series, length, aggregate, now));
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/** Stops updating windows no rule reads any more. */
	public void retainWindows(Map<SeriesKey, ? extends Collection<Duration>> used) {
		this.lock.writeLock().lock();
		try {
			this.state.retain(new HashMap<>(used));
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

}
