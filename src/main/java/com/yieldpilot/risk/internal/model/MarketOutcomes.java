package com.yieldpilot.risk.internal.model;

import java.util.List;

/**
 * The outcomes known across the pools built together, per day: how many were adverse and
 * how many were known, for the market's adverse rate of the cross-section.
 */
final class MarketOutcomes {

	static final MarketOutcomes NONE = new MarketOutcomes(0, new int[0], new int[0]);

	private final long firstDay;

	private final int[] adverse;

	private final int[] known;

	private MarketOutcomes(long firstDay, int[] adverse, int[] known) {
		this.firstDay = firstDay;
		this.adverse = adverse;
		this.known = known;
	}

	/** The counts over the pools' outcomes of days [firstDay, lastDay]. */
	static MarketOutcomes of(List<PoolFeatures> pools, long firstDay, long lastDay) {
		if (firstDay > lastDay) {
			return NONE;
		}
		int[] adverse = new int[(int) (lastDay - firstDay + 1)];
		int[] known = new int[adverse.length];
		for (PoolFeatures pool : pools) {
			PoolHistory history = pool.history();
			for (long d = history.firstDay(); d <= history.lastDay(); d++) {
				double outcome = pool.outcome(d);
				if (!Double.isNaN(outcome)) {
					int i = (int) (d - firstDay);
					adverse[i] += (int) outcome;
					known[i]++;
				}
			}
		}
		return new MarketOutcomes(firstDay, adverse, known);
	}

	int adverse(long day) {
		long i = day - this.firstDay;
		return (i >= 0 && i < this.adverse.length) ? this.adverse[(int) i] : 0;
	}

	int known(long day) {
		long i = day - this.firstDay;
		return (i >= 0 && i < this.known.length) ? this.known[(int) i] : 0;
	}

}
