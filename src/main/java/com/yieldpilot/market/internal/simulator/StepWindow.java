package com.yieldpilot.market.internal.simulator;

import java.time.Instant;

/**
 * The span of simulated time one step covers, {@code (from, to]}, both as instants and as
 * years since the market's start, and the conversion of an event's time in years back to
 * an instant inside the step.
 */
record StepWindow(Instant start, Instant from, Instant to, double fromYears, double toYears) {

	Instant instant(double years) {
		// an event fired inside the step, so it stays after the previous step's end
		return SimulatedTime.instant(this.start, years, this.from.plusNanos(1), this.to);
	}

}
