package com.yieldpilot.risk.internal.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

import org.jspecify.annotations.Nullable;

/**
 * One pool's daily history: one slot per UTC day from its first to its last observed day,
 * {@code NaN} where a value is missing and a {@code null} timestamp where the day has no
 * row at all. The arrays are owned by this object and never change after construction.
 */
public final class PoolHistory {

	private final String pool;

	private final long firstDay;

	private final double[] tvl;

	private final double[] apy;

	private final double[] apyBase;

	private final double[] apyReward;

	private final @Nullable String[] timestamps;

	PoolHistory(String pool, long firstDay, double[] tvl, double[] apy, double[] apyBase, double[] apyReward,
			@Nullable String[] timestamps) {
		int length = timestamps.length;
		if (tvl.length != length || apy.length != length || apyBase.length != length || apyReward.length != length) {
			throw new IllegalArgumentException("The series of " + pool + " differ in length");
		}
		this.pool = pool;
		this.firstDay = firstDay;
		this.tvl = tvl;
		this.apy = apy;
		this.apyBase = apyBase;
		this.apyReward = apyReward;
		this.timestamps = timestamps;
	}

	/**
	 * A history from daily series that start on the same day (e.g. the market's daily
	 * rollups): a day is observed when any of its values is known.
	 * @param stamp the timestamp a day's row gets, by day
	 */
	public static PoolHistory daily(String pool, long firstDay, double[] tvl, double[] apy, double[] apyBase,
			double[] apyReward, LongFunction<String> stamp) {
		String[] timestamps = new String[apy.length];
		for (int i = 0; i < timestamps.length; i++) {
			if (!Double.isNaN(tvl[i]) || !Double.isNaN(apy[i]) || !Double.isNaN(apyBase[i])
					|| !Double.isNaN(apyReward[i])) {
				timestamps[i] = stamp.apply(firstDay + i);
			}
		}
		return new PoolHistory(pool, firstDay, tvl.clone(), apy.clone(), apyBase.clone(), apyReward.clone(),
				timestamps);
	}

	public String pool() {
		return this.pool;
	}

	/** The first observed day, as days since 1970-01-01. */
	public long firstDay() {
		return this.firstDay;
	}

	/** The last observed day, as days since 1970-01-01. */
	public long lastDay() {
		return this.firstDay + this.timestamps.length - 1;
	}

	/** Whether the pool has a row on that day. */
	public boolean observed(long day) {
		return inRange(day) && this.timestamps[index(day)] != null;
	}

	/** The timestamp of the day's row as the input spelled it, or null without a row. */
	public @Nullable String timestamp(long day) {
		return inRange(day) ? this.timestamps[index(day)] : null;
	}

	public double tvl(long day) {
		return inRange(day) ? this.tvl[index(day)] : Double.NaN;
	}

	public double apy(long day) {
		return inRange(day) ? this.apy[index(day)] : Double.NaN;
	}

	public double apyBase(long day) {
		return inRange(day) ? this.apyBase[index(day)] : Double.NaN;
	}

	public double apyReward(long day) {
		return inRange(day) ? this.apyReward[index(day)] : Double.NaN;
	}

	/** A copy that ends on the given day: what was known on that day. */
	public PoolHistory until(long day) {
		int length = (int) Math.max(0, Math.min(this.timestamps.length, day - this.firstDay + 1));
		return new PoolHistory(this.pool, this.firstDay, Arrays.copyOf(this.tvl, length),
				Arrays.copyOf(this.apy, length), Arrays.copyOf(this.apyBase, length),
				Arrays.copyOf(this.apyReward, length), Arrays.copyOf(this.timestamps, length));
	}

	@Override
	public String toString() {
		return this.pool + " " + LocalDate.ofEpochDay(this.firstDay) + ".." + LocalDate.ofEpochDay(lastDay());
	}

	private boolean inRange(long day) {
		return day >= this.firstDay && day - this.firstDay < this.timestamps.length;
	}

	private int index(long day) {
		return (int) (day - this.firstDay);
	}

	/**
	 * Collects a pool's rows in any order; a later row of the same day replaces an
	 * earlier one.
	 */
	public static final class Builder {

		private final String pool;

		private final TreeMap<Long, double[]> values = new TreeMap<>();

		private final Map<Long, String> stamps = new HashMap<>();

		private final Map<Long, Instant> instants = new HashMap<>();

		public Builder(String pool) {
			this.pool = pool;
		}

		public void add(Instant at, String timestamp, double tvl, double apy, double apyBase, double apyReward) {
			long day = Math.floorDiv(at.getEpochSecond(), 86_400L);
			Instant previous = this.instants.get(day);
			if (previous != null && previous.isAfter(at)) {
				return;
			}
			this.instants.put(day, at);
			this.stamps.put(day, timestamp);
			this.values.put(day, new double[] { tvl, apy, apyBase, apyReward });
		}

		public boolean isEmpty() {
			return this.values.isEmpty();
		}

		public PoolHistory build() {
			long first = this.values.firstKey();
			int length = (int) (this.values.lastKey() - first + 1);
			double[][] series = new double[4][length];
			for (double[] s : series) {
				Arrays.fill(s, Double.NaN);
			}
			String[] timestamps = new String[length];
			this.values.forEach((day, v) -> {
				int i = (int) (day - first);
				for (int k = 0; k < 4; k++) {
					series[k][i] = v[k];
				}
				timestamps[i] = this.stamps.get(day);
			});
			return new PoolHistory(this.pool, first, series[0], series[1], series[2], series[3], timestamps);
		}

	}

}
