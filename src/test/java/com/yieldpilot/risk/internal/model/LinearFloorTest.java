package com.yieldpilot.risk.internal.model;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class LinearFloorTest {

	private static final int ROWS = 20_000;

	@Test
	void recoversTheDirectionAndSizeOfAKnownLogisticEffect() {
		Random random = new Random(3);
		float[] features = new float[ROWS * Feature.COUNT];
		Arrays.fill(features, Float.NaN);
		double[] outcomes = new double[ROWS];
		for (int r = 0; r < ROWS; r++) {
			double z = random.nextGaussian();
			// log1p(volatility) is the term's transform: a standard normal there
			features[r * Feature.COUNT + Feature.APY_VOLATILITY_7D.ordinal()] = (float) Math.expm1(1 + 0.3 * z);
			// pure noise in another term
			features[r * Feature.COUNT + Feature.APY_PEER_RANK.ordinal()] = random.nextFloat();
			outcomes[r] = (random.nextDouble() < LinearFloor.sigmoid(-0.2 + 1.5 * z)) ? 1 : 0;
		}
		LinearFloor floor = LinearFloor.fit(table(features, outcomes), IntStream.range(0, ROWS).boxed().toList(), 1);

		int volatility = LinearFloor.keys().indexOf("apy_volatility_7d:LOG");
		int rank = LinearFloor.keys().indexOf("apy_peer_rank:NONE");
		assertThat(floor.weights()[volatility]).isCloseTo(1.5, within(0.1));
		assertThat(floor.weights()[rank]).isCloseTo(0, within(0.1));
		assertThat(floor.intercept()).isCloseTo(-0.2, within(0.1));
	}

	@Test
	void unknownInputsCountAsTheTrainingMeanAndContributeNothing() {
		float[] features = new float[ROWS * Feature.COUNT];
		Arrays.fill(features, Float.NaN);
		double[] outcomes = new double[ROWS];
		for (int r = 0; r < ROWS; r++) {
			features[r * Feature.COUNT + Feature.APY_TREND.ordinal()] = (r % 2 == 0) ? 0.5f : -0.2f;
			outcomes[r] = (r % 2 == 0 && r % 3 != 0) ? 1 : 0;
		}
		LinearFloor floor = LinearFloor.fit(table(features, outcomes), IntStream.range(0, ROWS).boxed().toList(), 0.5);
		float[] unknown = new float[Feature.COUNT];
		Arrays.fill(unknown, Float.NaN);

		assertThat(floor.logOdds(unknown, 0)).isEqualTo(floor.intercept());
		assertThat(floor.contributions(unknown, 0)).containsOnly(0.0);
		float[] high = unknown.clone();
		high[Feature.APY_TREND.ordinal()] = 0.5f;
		assertThat(floor.contributions(high, 0)[Feature.APY_TREND.ordinal()]).as("half of the log-odds is the floor's")
			.isCloseTo(0.5 * (floor.logOdds(high, 0) - floor.intercept()), within(1e-9));
	}

	@Test
	void refusesWeightsFittedOnOtherTerms() {
		double[] zeros = new double[LinearFloor.TERMS.size()];
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LinearFloor(0.5, List.of("apy:NONE"), new double[1], 0, new double[1], new double[1]))
			.withMessageContaining("fitted on the terms [apy:NONE]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LinearFloor(0, LinearFloor.keys(), zeros, 0, zeros, zeros))
			.withMessageContaining("share");
	}

	private static FeatureTable table(float[] features, double[] outcomes) {
		int rows = outcomes.length;
		return new FeatureTable(List.of(), new int[rows], new long[rows], features, outcomes);
	}

}
