package com.yieldpilot.market.internal.simulator;

import java.util.random.RandomGenerator;

/**
 * An Ornstein–Uhlenbeck process {@code dX = θ(μ − X) dt + σ dW}, advanced with its exact
 * transition rather than an Euler step: from {@code x}, after {@code dt} years the value
 * is normal with mean {@code μ + (x − μ)e^(−θdt)} and variance {@code s²(1 − e^(−2θdt))},
 * where {@code s = σ/√(2θ)} is the stationary standard deviation. One step of an hour and
 * sixty steps of a minute therefore have exactly the same distribution. Immutable; the
 * caller keeps the state.
 */
final class OrnsteinUhlenbeck {

	private final double mean;

	private final double rate;

	private final double stationarySd;

	private OrnsteinUhlenbeck(double mean, double rate, double stationarySd) {
		if (!Double.isFinite(mean) || !(rate > 0) || !Double.isFinite(rate) || !(stationarySd >= 0)
				|| !Double.isFinite(stationarySd)) {
			throw new IllegalArgumentException("An Ornstein–Uhlenbeck process needs a finite mean, a positive "
					+ "reversion rate and a non-negative spread; got mean " + mean + ", rate " + rate + ", spread "
					+ stationarySd);
		}
		this.mean = mean;
		this.rate = rate;
		this.stationarySd = stationarySd;
	}

	/**
	 * A process described by how it looks in the long run: it forgets half of a deviation
	 * from its mean in {@code halfLifeYears}, and its values spread around the mean with
	 * standard deviation {@code stationarySd}.
	 */
	static OrnsteinUhlenbeck stationary(double mean, double halfLifeYears, double stationarySd) {
		return new OrnsteinUhlenbeck(mean, Math.log(2) / halfLifeYears, stationarySd);
	}

	/**
	 * A process described by its short-run noise: {@code volatility} per square-root year
	 * (a daily volatility {@code d} is {@code d·√365}), pulled back to the mean with the
	 * given half-life.
	 */
	static OrnsteinUhlenbeck diffusion(double mean, double halfLifeYears, double volatility) {
		double rate = Math.log(2) / halfLifeYears;
		return new OrnsteinUhlenbeck(mean, rate, volatility / Math.sqrt(2 * rate));
	}

	/** A process without noise: it only relaxes towards its mean. */
	static OrnsteinUhlenbeck relaxation(double mean, double halfLifeYears) {
		return stationary(mean, halfLifeYears, 0);
	}

	double mean() {
		return this.mean;
	}

	double stationarySd() {
		return this.stationarySd;
	}

	OrnsteinUhlenbeck withMean(double newMean) {
		return new OrnsteinUhlenbeck(newMean, this.rate, this.stationarySd);
	}

	/**
	 * The value after {@code years}; draws one normal variate unless the process is
	 * noiseless.
	 */
	double advance(double x, double years, RandomGenerator random) {
		if (years <= 0) {
			return x;
		}
		double relaxed = relax(x, years);
		if (this.stationarySd == 0) {
			return relaxed;
		}
		// -expm1(-2θdt) = 1 - e^(-2θdt), accurate for the tiny steps of a fine simulation
		return relaxed + this.stationarySd * Math.sqrt(-Math.expm1(-2 * this.rate * years)) * random.nextGaussian();
	}

	/** The expected value after {@code years}, without noise. */
	double relax(double x, double years) {
		return this.mean + (x - this.mean) * Math.exp(-this.rate * years);
	}

	/**
	 * A draw from the stationary distribution, to start a path as if it had always run.
	 */
	double sample(RandomGenerator random) {
		return (this.stationarySd == 0) ? this.mean : this.mean + this.stationarySd * random.nextGaussian();
	}

}
