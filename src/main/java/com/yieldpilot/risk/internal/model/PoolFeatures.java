package com.yieldpilot.risk.internal.model;

import java.util.Arrays;

/**
 * One pool's part of the features that reads only its own history: its rows' own features
 * (the cross-section's columns still unknown) and its outcomes, as
 * {@link FeatureBuilder#own} computed them for one history, minimum of days and first
 * day. Nothing else goes into them, so they stay right for as long as the same history
 * object (histories never change) is scored with the same arguments; scoring keeps them
 * between market updates on that ground. Immutable: {@link #row} hands out copies.
 */
public final class PoolFeatures {

	private final PoolHistory history;

	private final int minHistoryDays;

	private final long fromDay;

	private final String peerGroup;

	private final long[] days;

	private final float[] features;

	/**
	 * Per day of the history: 1 adverse, 0 not, {@link #UNKNOWN} (a byte, not a double:
	 * kept per pool).
	 */
	private final byte[] outcomes;

	private static final byte UNKNOWN = -1;

	/** Per day of the history: {@link Outcome#early} outcomes already adverse. */
	private final byte[] earlyAdverse;

	/** Per day of the history: {@link Outcome#early} outcomes known so far. */
	private final byte[] earlyKnown;

	PoolFeatures(PoolHistory history, int minHistoryDays, long fromDay, String peerGroup, long[] days, float[] features,
			double[] outcomes) {
		this.earlyAdverse = new byte[outcomes.length];
		this.earlyKnown = new byte[outcomes.length];
		Outcome.early(history, fromDay, this.earlyAdverse, this.earlyKnown);
		this.history = history;
		this.minHistoryDays = minHistoryDays;
		this.fromDay = fromDay;
		this.peerGroup = peerGroup;
		this.days = days;
		this.features = features;
		this.outcomes = new byte[outcomes.length];
		for (int i = 0; i < outcomes.length; i++) {
			this.outcomes[i] = Double.isNaN(outcomes[i]) ? UNKNOWN : (byte) outcomes[i];
		}
	}

	/**
	 * Whether these are the features {@link FeatureBuilder#own} computes for that history
	 * object and those arguments (without incidents, as scoring builds them).
	 */
	public boolean builtFor(PoolHistory history, int minHistoryDays, long fromDay) {
		return this.history == history && this.minHistoryDays == minHistoryDays && this.fromDay == fromDay;
	}

	PoolHistory history() {
		return this.history;
	}

	String peerGroup() {
		return this.peerGroup;
	}

	int rows() {
		return this.days.length;
	}

	long day(int row) {
		return this.days[row];
	}

	/** A copy of the row's features, which the cross-section fills in. */
	float[] row(int row) {
		return Arrays.copyOfRange(this.features, row * Feature.COUNT, (row + 1) * Feature.COUNT);
	}

	double rowOutcome(int row) {
		return outcome(this.days[row]);
	}

	/** How many of the pool's unmatured outcomes had turned adverse by the day. */
	int earlyAdverse(long day) {
		long i = day - this.history.firstDay();
		return (i >= 0 && i < this.earlyAdverse.length) ? this.earlyAdverse[(int) i] : 0;
	}

	/** How many of the pool's unmatured outcomes were known by the day. */
	int earlyKnown(long day) {
		long i = day - this.history.firstDay();
		return (i >= 0 && i < this.earlyKnown.length) ? this.earlyKnown[(int) i] : 0;
	}

	/** The outcome of a day of the history: 1, 0 or {@code NaN} (unknown or no row). */
	double outcome(long day) {
		long i = day - this.history.firstDay();
		byte outcome = (i >= 0 && i < this.outcomes.length) ? this.outcomes[(int) i] : UNKNOWN;
		return (outcome == UNKNOWN) ? Double.NaN : outcome;
	}

}
