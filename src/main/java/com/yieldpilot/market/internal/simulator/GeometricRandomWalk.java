package com.yieldpilot.market.internal.simulator;

import java.util.random.RandomGenerator;

/**
 * Geometric Brownian motion on the logarithm of a quantity: over {@code dt} years the log
 * moves by a normal step of mean {@code (drift − volatility²/2)·dt} and standard
 * deviation {@code volatility·√dt}. That is the exact transition, so the expected growth
 * is {@code e^(drift·t)} whatever the step size, and the quantity never reaches zero.
 * Immutable; the caller keeps the state.
 */
record GeometricRandomWalk(double driftPerYear, double volatilityPerYear) {

	GeometricRandomWalk {
		if (!Double.isFinite(driftPerYear) || !(volatilityPerYear >= 0) || !Double.isFinite(volatilityPerYear)) {
			throw new IllegalArgumentException("A geometric random walk needs a finite drift and a non-negative "
					+ "volatility; got " + driftPerYear + " and " + volatilityPerYear);
		}
	}

	/**
	 * The log of the quantity after {@code years}; draws a normal variate unless
	 * noiseless.
	 */
	double advanceLog(double log, double years, RandomGenerator random) {
		if (years <= 0) {
			return log;
		}
		double moved = log + (this.driftPerYear - this.volatilityPerYear * this.volatilityPerYear / 2) * years;
		return (this.volatilityPerYear == 0) ? moved
				: moved + this.volatilityPerYear * Math.sqrt(years) * random.nextGaussian();
	}

}
