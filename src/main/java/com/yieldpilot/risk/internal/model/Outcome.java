package com.yieldpilot.risk.internal.model;

/**
 * The adverse event a score predicts, as the issue defines it: within the
 * {@value #HORIZON_DAYS} days after day t, the mean APY falls below 0.8 × the mean APY of
 * the 7 days up to t, or the lowest TVL falls below 0.7 × the TVL at t. The outcome of
 * day t is known on day t + {@value #HORIZON_DAYS} ("matured") and uses no data after
 * that day.
 */
public final class Outcome {

	public static final int HORIZON_DAYS = 28;

	static final double APY_HOLD = 0.8;

	static final double TVL_HOLD = 0.7;

	/** Future days with data needed for an outcome; fewer leaves it unknown. */
	static final int MIN_FUTURE_DAYS = 7;

	private Outcome() {
	}

	/** 1 for adverse, 0 for not, {@code NaN} when the data cannot tell. */
	public static double of(PoolHistory history, long day) {
		return legs(history, day).combined();
	}

	/**
	 * The two halves of the outcome on their own: whether the APY fell and whether the
	 * TVL fell, each 1, 0 or {@code NaN} when the data cannot tell that half. Models can
	 * learn each half from its own signal (decision record 0011, third round).
	 */
	public static Legs legs(PoolHistory history, long day) {
		Horizon horizon = new Horizon();
		for (long d = day + 1; d <= day + HORIZON_DAYS; d++) {
			horizon.add(history, d);
		}
		if (horizon.observed < MIN_FUTURE_DAYS) {
			return Legs.UNKNOWN;
		}
		return new Legs(horizon.apyLeg(mean(history, day - 6, day, true)), horizon.tvlLeg(history.tvl(day)));
	}

	/**
	 * The outcomes that have already turned on the data up to each day t, before they
	 * mature: for every observed day s of the pool with at least
	 * {@value #MIN_FUTURE_DAYS} observed days in (s, t] and t &lt; s +
	 * {@value #HORIZON_DAYS}, whether the mean APY over (s, t] is below
	 * {@value #APY_HOLD} × the 7-day mean at s or the lowest TVL over (s, t] below
	 * {@value #TVL_HOLD} × the TVL at s. Uses data up to t only: a partial window of the
	 * outcome, counted per day t of the history (decision record 0011, fourth round).
	 * @param fromDay the first day t counted (earlier days stay 0; scoring needs only the
	 * days it scores), {@link Long#MIN_VALUE} for all; the history's last day is always
	 * counted
	 * @param adverse per day of the history from its first, the count of such days s
	 * already adverse
	 * @param known per day of the history, the count of such days s with a known half
	 */
	static void early(PoolHistory history, long fromDay, byte[] adverse, byte[] known) {
		long first = history.firstDay();
		long last = history.lastDay();
		long from = Math.max(first, Math.min(fromDay, last));
		for (long s = Math.max(first, from - HORIZON_DAYS + 1); s <= last; s++) {
			if (!history.observed(s)) {
				continue;
			}
			double apyNow = mean(history, s - 6, s, true);
			double tvlNow = history.tvl(s);
			Horizon horizon = new Horizon();
			for (long t = s + 1; t < s + HORIZON_DAYS && t <= last; t++) {
				horizon.add(history, t);
				if (horizon.observed < MIN_FUTURE_DAYS || t < from) {
					continue;
				}
				double apy = horizon.apyLeg(apyNow);
				double tvl = horizon.tvlLeg(tvlNow);
				if (!Double.isNaN(apy) || !Double.isNaN(tvl)) {
					int i = (int) (t - first);
					known[i]++;
					if (apy == 1 || tvl == 1) {
						adverse[i]++;
					}
				}
			}
		}
	}

	/**
	 * The mean of the known APY (or TVL) values over the days [from, to], {@code NaN}
	 * when none is known.
	 */
	static double mean(PoolHistory history, long from, long to, boolean apy) {
		double sum = 0;
		int count = 0;
		for (long d = from; d <= to; d++) {
			double v = apy ? history.apy(d) : history.tvl(d);
			if (!Double.isNaN(v)) {
				sum += v;
				count++;
			}
		}
		return (count == 0) ? Double.NaN : sum / count;
	}

	/**
	 * The outcome's halves.
	 *
	 * @param apy 1 when the mean APY over the horizon fell below {@value #APY_HOLD} × the
	 * 7-day mean, 0 when not, {@code NaN} unknown
	 * @param tvl 1 when the lowest TVL over the horizon fell below {@value #TVL_HOLD} ×
	 * the day's TVL, 0 when not, {@code NaN} unknown
	 */
	public record Legs(double apy, double tvl) {

		static final Legs UNKNOWN = new Legs(Double.NaN, Double.NaN);

		/** Adverse when either half is; unknown only when both are. */
		public double combined() {
			if (this.apy == 1 || this.tvl == 1) {
				return 1;
			}
			return (Double.isNaN(this.apy) && Double.isNaN(this.tvl)) ? Double.NaN : 0;
		}

	}

	/**
	 * What the days after a day s show so far, added one day at a time: how many are
	 * observed, the APY's sum and count, and the lowest TVL. Both the matured outcome and
	 * its partial windows ({@link #early}) read their halves from it, so the two never
	 * disagree on what "adverse" means.
	 */
	static final class Horizon {

		int observed;

		private double apySum;

		private int apyCount;

		private double tvlMin = Double.POSITIVE_INFINITY;

		void add(PoolHistory history, long day) {
			if (!history.observed(day)) {
				return;
			}
			this.observed++;
			double apy = history.apy(day);
			if (!Double.isNaN(apy)) {
				this.apySum += apy;
				this.apyCount++;
			}
			double tvl = history.tvl(day);
			if (!Double.isNaN(tvl)) {
				this.tvlMin = Math.min(this.tvlMin, tvl);
			}
		}

		/**
		 * 1 when the mean APY so far is below {@value #APY_HOLD} × {@code apyNow}, 0 when
		 * not, {@code NaN} when either is unknown.
		 */
		double apyLeg(double apyNow) {
			if (this.apyCount == 0 || Double.isNaN(apyNow)) {
				return Double.NaN;
			}
			return (this.apySum / this.apyCount < APY_HOLD * apyNow) ? 1 : 0;
		}

		/**
		 * 1 when the lowest TVL so far is below {@value #TVL_HOLD} × {@code tvlNow}, 0
		 * when not, {@code NaN} when either is unknown.
		 */
		double tvlLeg(double tvlNow) {
			if (this.tvlMin == Double.POSITIVE_INFINITY || Double.isNaN(tvlNow)) {
				return Double.NaN;
			}
			return (this.tvlMin < TVL_HOLD * tvlNow) ? 1 : 0;
		}

	}

}
