package com.yieldpilot.market.internal.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.yieldpilot.market.LiveValue;
import com.yieldpilot.market.SeriesKey;
import com.yieldpilot.market.WindowAggregate;
import com.yieldpilot.market.internal.store.LatestChange;
import com.yieldpilot.market.internal.store.SampleBucket;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory series of the live market. Not thread-safe: {@code LiveMarket} guards it.
 */
public final class LiveState {

	private final Map<SeriesKey, LiveSeries> series = new HashMap<>();

	private long changeNumber;

	public long changeNumber() {
		return this.changeNumber;
	}

	public SeriesKey accept(LatestChange change) {
		SeriesKey key = new SeriesKey(change.sample().subject(), change.sample().metric());
		this.series.computeIfAbsent(key, (k) -> new LiveSeries()).accept(change.sample());
		this.changeNumber = Math.max(this.changeNumber, change.changeNumber());
		return key;
	}

	public @Nullable LiveValue latest(SeriesKey key, Instant now) {
		LiveSeries live = this.series.get(key);
		return (live != null) ? live.latest(now) : null;
	}

	public boolean tracks(SeriesKey key, Duration length) {
		LiveSeries live = this.series.get(key);
		return live != null && live.window(length) != null;
	}

	/**
	 * Starts a window, loading its buckets through the function (given the bucket width).
	 */
	public void track(SeriesKey key, Duration length, Function<Duration, List<SampleBucket>> load) {
		BucketRing ring = new BucketRing(length);
		load.apply(ring.bucketWidth()).forEach(ring::load);
		this.series.computeIfAbsent(key, (k) -> new LiveSeries()).track(length, ring);
	}

	public @Nullable LiveValue aggregate(SeriesKey key, Duration length, WindowAggregate aggregate, Instant now) {
		LiveSeries live = this.series.get(key);
		return (live != null) ? live.aggregate(length, aggregate, now) : null;
	}

	public void retain(Map<SeriesKey, ? extends Collection<Duration>> used) {
		this.series.forEach((key, live) -> {
			Collection<Duration> keep = used.containsKey(key) ? used.get(key) : List.of();
			for (Duration length : live.windowLengths()) {
				if (!keep.contains(length)) {
					live.untrack(length);
				}
			}
		});
	}

}
