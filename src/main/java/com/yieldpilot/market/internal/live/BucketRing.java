package com.yieldpilot.market.internal.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import com.yieldpilot.market.WindowAggregate;
import com.yieldpilot.market.internal.store.SampleBucket;

/**
 * A trailing window kept as {@value #BUCKETS} buckets of a sixtieth of its length each. A
 * sample updates one bucket in constant time; an aggregate merges the buckets inside the
 * window. The window's edge moves a bucket at a time, so aggregates are exact to a
 * sixtieth of the window (a minute of an hour, 24 minutes of a day).
 */
final class BucketRing {

	static final int BUCKETS = 60;

	private final long width;

	private final long[] number = new long[BUCKETS];

	private final long[] count = new long[BUCKETS];

	private final double[] sum = new double[BUCKETS];

	private final double[] min = new double[BUCKETS];

	private final double[] max = new double[BUCKETS];

	private final long[] firstAt = new long[BUCKETS];

	private final double[] first = new double[BUCKETS];

	private final long[] lastAt = new long[BUCKETS];

	private final double[] last = new double[BUCKETS];

	private long loadedUpTo = Long.MIN_VALUE;

	BucketRing(Duration length) {
		this.width = Math.max(1, length.toMillis() / BUCKETS);
		Arrays.fill(this.number, Long.MIN_VALUE);
	}

	Duration bucketWidth() {
		return Duration.ofMillis(this.width);
	}

	void add(Instant at, double value) {
		long millis = at.toEpochMilli();
		if (millis <= this.loadedUpTo) {
			return; // loaded from the database already
		}
		long bucket = Math.floorDiv(millis, this.width);
		int slot = slot(bucket);
		if (this.number[slot] > bucket) {
			return; // older than the window: its slot already holds a newer bucket
		}
		if (this.number[slot] != bucket) {
			reset(slot, bucket);
		}
		this.count[slot]++;
		this.sum[slot] += value;
		this.min[slot] = Math.min(this.min[slot], value);
		this.max[slot] = Math.max(this.max[slot], value);
		if (millis < this.firstAt[slot]) {
			this.firstAt[slot] = millis;
			this.first[slot] = value;
		}
		if (millis >= this.lastAt[slot]) {
			this.lastAt[slot] = millis;
			this.last[slot] = value;
		}
	}

	/**
	 * Loads a bucket summarised by the database (same width, numbered from the epoch).
	 */
	void load(SampleBucket bucket) {
		int slot = slot(bucket.bucket());
		if (this.number[slot] > bucket.bucket()) {
			return;
		}
		reset(slot, bucket.bucket());
		this.count[slot] = bucket.count();
		this.sum[slot] = bucket.sum();
		this.min[slot] = bucket.min();
		this.max[slot] = bucket.max();
		this.firstAt[slot] = bucket.firstAt().toEpochMilli();
		this.first[slot] = bucket.first();
		this.lastAt[slot] = bucket.lastAt().toEpochMilli();
		this.last[slot] = bucket.last();
		this.loadedUpTo = Math.max(this.loadedUpTo, this.lastAt[slot]);
	}

	/** The aggregate over the window ending now; NaN when the window holds no sample. */
	double value(WindowAggregate aggregate, Instant now) {
		long newest = Math.floorDiv(now.toEpochMilli(), this.width);
		long oldest = newest - BUCKETS + 1;
		long n = 0;
		double total = 0;
		double low = Double.POSITIVE_INFINITY;
		double high = Double.NEGATIVE_INFINITY;
		long firstTime = Long.MAX_VALUE;
		double firstValue = Double.NaN;
		long lastTime = Long.MIN_VALUE;
		double lastValue = Double.NaN;
		for (int slot = 0; slot < BUCKETS; slot++) {
			long bucket = this.number[slot];
			if (bucket < oldest || bucket > newest || this.count[slot] == 0) {
				continue;
			}
			n += this.count[slot];
			total += this.sum[slot];
			low = Math.min(low, this.min[slot]);
			high = Math.max(high, this.max[slot]);
			if (this.firstAt[slot] < firstTime) {
				firstTime = this.firstAt[slot];
				firstValue = this.first[slot];
			}
			if (this.lastAt[slot] >= lastTime) {
				lastTime = this.lastAt[slot];
				lastValue = this.last[slot];
			}
		}
		if (n == 0) {
			return Double.NaN;
		}
		return switch (aggregate) {
			case AVG -> total / n;
			case MIN -> low;
			case MAX -> high;
			case CHANGE -> lastValue - firstValue;
			case PCT_CHANGE -> (firstValue == 0) ? Double.NaN : (lastValue - firstValue) / Math.abs(firstValue) * 100;
		};
	}

	private int slot(long bucket) {
		return (int) Math.floorMod(bucket, (long) BUCKETS);
	}

	private void reset(int slot, long bucket) {
		this.number[slot] = bucket;
		this.count[slot] = 0;
		this.sum[slot] = 0;
		this.min[slot] = Double.POSITIVE_INFINITY;
		this.max[slot] = Double.NEGATIVE_INFINITY;
		this.firstAt[slot] = Long.MAX_VALUE;
		this.first[slot] = Double.NaN;
		this.lastAt[slot] = Long.MIN_VALUE;
		this.last[slot] = Double.NaN;
	}

}
