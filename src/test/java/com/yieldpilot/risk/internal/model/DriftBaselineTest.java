package com.yieldpilot.risk.internal.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DriftBaselineTest {

	@Test
	void flagsAShiftedFeatureAndNotAnUnchangedOne() {
		Random random = new Random(1);
		int rows = 5_000;
		float[] training = new float[rows * Feature.COUNT];
		float[] live = new float[rows * Feature.COUNT];
		Arrays.fill(training, Float.NaN);
		Arrays.fill(live, Float.NaN);
		for (int r = 0; r < rows; r++) {
			training[r * Feature.COUNT + Feature.APY.ordinal()] = (float) random.nextGaussian();
			training[r * Feature.COUNT + Feature.TVL.ordinal()] = (float) random.nextGaussian();
			live[r * Feature.COUNT + Feature.APY.ordinal()] = (float) random.nextGaussian();
			live[r * Feature.COUNT + Feature.TVL.ordinal()] = (float) (random.nextGaussian() + 1.5);
		}
		DriftBaseline baseline = DriftBaseline.of(training, rows);
		Map<String, Double> psi = baseline.psi(live, rows);
		assertThat(psi.get(Feature.APY.key())).isLessThan(0.05);
		assertThat(psi.get(Feature.TVL.key())).isGreaterThan(DriftBaseline.DRIFTING);
	}

}
