package com.yieldpilot.risk.internal.model;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MarketLevelTest {

	private static final int EARLY = Feature.MARKET_EARLY_ADVERSE_RATE.ordinal();

	@Test
	void takesTheCalibrationSlicesMeanEarlyRateAsItsReference() {
		FeatureTable table = table(0.2f, 0.6f, Float.NaN);
		MarketLevel level = MarketLevel.fit(table, List.of(0, 1, 2), 1.0);
		assertThat(level).isNotNull();
		assertThat(level.reference()).as("logit of 0.4, the unknown row left out")
			.isCloseTo(Math.log(0.4 / 0.6), within(1e-6));
		assertThat(MarketLevel.fit(table, List.of(2), 1.0)).as("no row knows the rate").isNull();
		assertThat(MarketLevel.fit(table, List.of(0, 1), 0.0)).as("weight 0: the slice's level").isNull();
	}

	@Test
	void movesTheCalibratedLogOddsByTheEarlyRatesChangeSinceTheSlice() {
		MarketLevel level = new MarketLevel(1.0, LinearFloor.logit(0.4));
		float[] rows = row(0.4f, 0.6f, Float.NaN, 0.0f);
		assertThat(level.apply(0.3, rows, 0)).as("the slice's rate: no change").isCloseTo(0.3, within(1e-6));
		assertThat(LinearFloor.logit(level.apply(0.3, rows, 1)) - LinearFloor.logit(0.3)).as("one for one in log-odds")
			.isCloseTo(LinearFloor.logit(0.6) - LinearFloor.logit(0.4), within(1e-6));
		assertThat(level.apply(0.3, rows, 2)).as("unknown rate: the calibrated score").isEqualTo(0.3);
		assertThat(LinearFloor.logit(level.apply(0.3, rows, 3)) - LinearFloor.logit(0.3))
			.as("a rate of 0 counts as 0.05")
			.isCloseTo(LinearFloor.logit(MarketLevel.CLAMP) - LinearFloor.logit(0.4), within(1e-6));
		MarketLevel half = new MarketLevel(0.5, LinearFloor.logit(0.4));
		assertThat(half.shift(rows, 1)).isCloseTo(level.shift(rows, 1) / 2, within(1e-6));
	}

	private static float[] row(float... rates) {
		float[] features = new float[rates.length * Feature.COUNT];
		Arrays.fill(features, Float.NaN);
		for (int r = 0; r < rates.length; r++) {
			features[r * Feature.COUNT + EARLY] = rates[r];
		}
		return features;
	}

	private static FeatureTable table(float... rates) {
		int n = rates.length;
		double[] outcome = new double[n];
		Arrays.fill(outcome, 0);
		return new FeatureTable(List.of(), new int[n], new long[n], row(rates), outcome);
	}

}
