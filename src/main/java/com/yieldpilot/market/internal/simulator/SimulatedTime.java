package com.yieldpilot.market.internal.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * Converts between the exact {@link Duration}s the market is advanced by and the years,
 * as {@code double}, that rates and volatilities are expressed in. A year is 365 days, as
 * in APY quotes.
 */
final class SimulatedTime {

	static final double SECONDS_PER_YEAR = 365 * 86_400.0;

	private static final double NANOS_PER_YEAR = SECONDS_PER_YEAR * 1e9;

	private SimulatedTime() {
	}

	static double years(Duration duration) {
		return duration.getSeconds() / SECONDS_PER_YEAR + duration.getNano() / NANOS_PER_YEAR;
	}

	/**
	 * The instant {@code years} after {@code start}, kept within
	 * {@code [earliest, latest]} so that rounding never places an event outside the step
	 * it happened in.
	 */
	static Instant instant(Instant start, double years, Instant earliest, Instant latest) {
		Instant at = start.plusNanos(Math.round(years * NANOS_PER_YEAR));
		return at.isBefore(earliest) ? earliest : at.isAfter(latest) ? latest : at;
	}

}
