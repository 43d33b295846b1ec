package com.yieldpilot.market.internal.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.yieldpilot.market.LiveValue;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.WindowAggregate;
import org.jspecify.annotations.Nullable;

/** One series in memory: the newest sample per source and the windows rules read. */
final class LiveSeries {

	private final Map<Source, MetricSample> newest = new EnumMap<>(Source.class);

	private final Map<Duration, BucketRing> windows = new java.util.HashMap<>();

	void accept(MetricSample sample) {
		MetricSample known = this.newest.get(sample.source());
		if (known == null || !known.observedAt().isAfter(sample.observedAt())) {
			this.newest.put(sample.source(), sample);
		}
		for (BucketRing ring : this.windows.values()) {
			ring.add(sample.observedAt(), sample.value());
		}
	}

	/**
	 * The freshest value among sources that are still fresh, else the newest stale one.
	 */
	@Nullable LiveValue latest(Instant now) {
		MetricSample best = null;
		boolean bestFresh = false;
		for (MetricSample sample : this.newest.values()) {
			boolean fresh = !sample.observedAt().plus(sample.source().staleAfter()).isBefore(now);
			if (best == null || (fresh && !bestFresh)
					|| (fresh == bestFresh && sample.observedAt().isAfter(best.observedAt()))) {
				best = sample;
				bestFresh = fresh;
			}
		}
		return (best != null)
				? new LiveValue(best.value(), best.observedAt(), best.source(), best.blockNumber(), !bestFresh) : null;
	}

	@Nullable BucketRing window(Duration length) {
		return this.windows.get(length);
	}

	void track(Duration length, BucketRing ring) {
		this.windows.put(length, ring);
	}

	List<Duration> windowLengths() {
		return new ArrayList<>(this.windows.keySet());
	}

	void untrack(Duration length) {
		this.windows.remove(length);
	}

	/** A window's aggregate, as fresh as the series' newest value. */
	@Nullable LiveValue aggregate(Duration length, WindowAggregate aggregate, Instant now) {
		BucketRing ring = this.windows.get(length);
		LiveValue latest = latest(now);
		if (ring == null || latest == null) {
			return null;
		}
		double value = ring.value(aggregate, now);
		return Double.isFinite(value)
				? new LiveValue(value, latest.observedAt(), latest.source(), latest.blockNumber(), latest.stale())
				: null;
	}

}
