package com.yieldpilot.risk.internal.model;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IsotonicCalibrationTest {

	@Test
	void recoversKnownProbabilitiesFromDistortedScores() {
		Random random = new Random(3);
		int n = 20_000;
		double[] raw = new double[n];
		double[] outcomes = new double[n];
		for (int i = 0; i < n; i++) {
			double p = random.nextDouble();
			// an over-confident model: the raw score is a monotone distortion of the
			// true probability
			raw[i] = Math.pow(p, 0.3);
			outcomes[i] = (random.nextDouble() < p) ? 1 : 0;
		}
		IsotonicCalibration calibration = IsotonicCalibration.fit(raw, outcomes);
		assertThat(Metrics.ece(raw, outcomes)).as("uncalibrated").isGreaterThan(0.15);
		double[] fresh = new double[n];
		double[] freshOutcomes = new double[n];
		for (int i = 0; i < n; i++) {
			double p = random.nextDouble();
			fresh[i] = calibration.apply(Math.pow(p, 0.3));
			freshOutcomes[i] = (random.nextDouble() < p) ? 1 : 0;
		}
		assertThat(Metrics.ece(fresh, freshOutcomes)).isLessThan(0.02);
		for (double p : new double[] { 0.1, 0.3, 0.5, 0.7, 0.9 }) {
			assertThat(calibration.apply(Math.pow(p, 0.3))).as("p = " + p).isCloseTo(p, within(0.05));
		}
	}

	@Test
	void isMonotoneAndStaysWithinObservedRates() {
		double[] raw = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6 };
		double[] outcomes = { 0, 1, 0, 1, 1, 1 };
		IsotonicCalibration calibration = IsotonicCalibration.fit(raw, outcomes);
		double previous = -1;
		for (double x = 0; x <= 1; x += 0.01) {
			double y = calibration.apply(x);
			assertThat(y).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
			previous = y;
		}
	}

}
