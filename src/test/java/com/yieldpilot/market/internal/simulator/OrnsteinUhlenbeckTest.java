package com.yieldpilot.market.internal.simulator;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OrnsteinUhlenbeckTest {

	private static final int PATHS = 20_000;

	/**
	 * From three spreads above the mean, after one half-life the exact transition has
	 * mean {@code μ + 1.5s} and variance {@code s²(1 − ¼)}, whether taken in one step or
	 * many. With 20,000 paths the standard error is under 0.01s for the mean and 1% for
	 * the variance; the tolerances are four of those.
	 */
	@ParameterizedTest(name = "one half-life in {0} step(s)")
	@ValueSource(ints = { 1, 7, 100 })
	void oneHalfLifeHasTheExactMeanAndVarianceWhateverTheStepCount(int steps) {
		OrnsteinUhlenbeck process = OrnsteinUhlenbeck.stationary(2.0, 0.01, 0.5);
		SplittableRandom random = new SplittableRandom(11);
		double[] ends = new double[PATHS];
		for (int path = 0; path < PATHS; path++) {
			double x = 2.0 + 3 * 0.5;
			for (int i = 0; i < steps; i++) {
				x = process.advance(x, 0.01 / steps, random);
			}
			ends[path] = x;
		}
		assertThat(Runs.mean(ends)).isCloseTo(2.0 + 1.5 * 0.5, within(4 * 0.01 * 0.5));
		double variance = Math.pow(Runs.standardDeviation(ends), 2);
		assertThat(variance).isCloseTo(0.25 * 0.75, within(0.04 * 0.25 * 0.75));
	}

	@ParameterizedTest(name = "half-life {0} years")
	@ValueSource(doubles = { 0.001, 0.5, 3 })
	void aNoiselessProcessHalvesItsDeviationEveryHalfLife(double halfLife) {
		OrnsteinUhlenbeck relaxation = OrnsteinUhlenbeck.relaxation(1, halfLife);
		assertThat(relaxation.relax(5, halfLife)).isCloseTo(3, within(1e-12));
		assertThat(relaxation.advance(5, 2 * halfLife, new SplittableRandom(1))).isCloseTo(2, within(1e-12));
	}

}
