package com.yieldpilot.market.internal.simulator;

import java.util.random.RandomGenerator;

/**
 * The arrival times of a Poisson process with a constant rate per year, drawn as
 * exponential waiting times from the clock's own generator. Because the times are drawn
 * in advance rather than by a coin flip per step, the events fall at the same simulated
 * instants whatever step size the caller advances with, and the number in a step of
 * {@code dt} is exactly Poisson({@code rate·dt}), however long the step. Times are in
 * years since the start of the simulation. Not thread-safe.
 */
final class PoissonClock {

	private final RandomGenerator random;

	private final double ratePerYear;

	private double next;

	/** A clock whose first event comes after time {@code 0}; a rate of 0 never fires. */
	PoissonClock(RandomGenerator random, double ratePerYear) {
		if (!(ratePerYear >= 0) || !Double.isFinite(ratePerYear)) {
			throw new IllegalArgumentException("A Poisson rate must be finite and non-negative, not " + ratePerYear);
		}
		this.random = random;
		this.ratePerYear = ratePerYear;
		this.next = waitingTime();
	}

	/** When the next event happens, in years; positive infinity when it never will. */
	double next() {
		return this.next;
	}

	/** Consumes the next event and returns its time; the caller checked it is due. */
	double fire() {
		double at = this.next;
		this.next = at + waitingTime();
		return at;
	}

	/** No more events, e.g. once a pool has been exploited it cannot be again. */
	void stop() {
		this.next = Double.POSITIVE_INFINITY;
	}

	private double waitingTime() {
		return (this.ratePerYear == 0) ? Double.POSITIVE_INFINITY : this.random.nextExponential() / this.ratePerYear;
	}

}
