package com.yieldpilot.risk.internal.model;

import java.util.List;

/**
 * The outcomes known across the pools built together, per day: how many were adverse and
 * how many were known, for the market's adverse rate of the cross-section; and how many
 * of the unmatured ones had already turned adverse and were known as of each day (the
 * market's early adverse rate, {@link Outcome#early}).
 */
final class MarketOutcomes {

	static final MarketOutcomes NONE = new MarketOutcomes(0, new int[0], new int[0], new int[0], new int[0]);

	private final long firstDay;

	private final int[] adverse;

	private final int[] known;

	private final int[] earlyAdverse;

	private final int[] earlyKnown;

	private MarketOutcomes(long firstDay, int[] adverse, int[] known, int[] earlyAdverse, int[] earlyKnown) {
		this.firstDay = firstDay;
		this.adverse = adverse;
		this.known = known;
		this.earlyAdverse = earlyAdverse;
		this.earlyKnown = earlyKnown;
	}

	/** The counts over the pools' outcomes of days [firstDay, lastDay]. */
	static MarketOutcomes of(List<PoolFeatures> pools, long firstDay, long lastDay) {
		if (firstDay > lastDay) {
			return NONE;
		}
		int[] adverse = new int[(int) (lastDay - firstDay + 1)];
		int[] known = new int[adverse.length];
		int[] earlyAdverse = new int[adverse.length];
		int[] earlyKnown = new int[adverse.length];
		for (PoolFeatures pool : pools) {
			PoolHistory history = pool.history();
			for (long d = history.firstDay(); d <= history.lastDay(); d++) {
				int i = (int) (d - firstDay);
				double outcome = pool.outcome(d);
				if (!Double.isNaN(outcome)) {
					adverse[i] += (int) outcome;
					known[i]++;
				}
				earlyAdverse[i] += pool.earlyAdverse(d);
				earlyKnown[i] += pool.earlyKnown(d);
			}
		}
		return new MarketOutcomes(firstDay, adverse, known, earlyAdverse, earlyKnown);
	}

	int adverse(long day) {
		long i = day - this.firstDay;
		return (i >= 0 && i < this.adverse.length) ? this.adverse[(int) i] : 0;
	}

	/**
	 * The share of the market's unmatured outcomes already adverse as of the day,
	 * {@code NaN} when none is known.
	 */
	double earlyRate(long day) {
		long i = day - this.firstDay;
		if (i < 0 || i >= this.earlyKnown.length || this.earlyKnown[(int) i] == 0) {
			return Double.NaN;
		}
		return (double) this.earlyAdverse[(int) i] / this.earlyKnown[(int) i];
	}

	int known(long day) {
		long i = day - this.firstDay;
		return (i >= 0 && i < this.known.length) ? this.known[(int) i] : 0;
	}

}
