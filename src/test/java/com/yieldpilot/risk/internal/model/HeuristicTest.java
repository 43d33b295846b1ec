package com.yieldpilot.risk.internal.model;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HeuristicTest {

	@Test
	void scoresATypicalPoolAtTheBaseAndExplainsNothingWithoutData() {
		RiskModel.Explained unknown = Heuristic.assess(row());
		assertThat(unknown.score()).isEqualTo(Heuristic.BASE);
		assertThat(unknown.contributions()).isEmpty();
	}

	@Test
	void addsEachDocumentedTermLargestEffectFirst() {
		float[] row = row();
		row[Feature.APY_VARIATION_30D.ordinal()] = 0.7f; // +0.25 × 0.4 = +0.10
		row[Feature.REWARD_SHARE.ordinal()] = 0.8f; // +0.20 × 0.5 = +0.10
		// fell 30%: +0.50 × 0.3 = +0.15
		row[Feature.TVL_CHANGE_7D.ordinal()] = (float) Math.log(0.7);
		row[Feature.APY_TREND.ordinal()] = 0.2f; // +0.15 × 0.2 = +0.03
		RiskModel.Explained explained = Heuristic.assess(row);
		assertThat(explained.score()).isCloseTo(0.30 + 0.10 + 0.10 + 0.15 + 0.03, within(1e-6));
		assertThat(explained.contributions().get(0).feature()).isEqualTo(Feature.TVL_CHANGE_7D);
		assertThat(explained.contributions().get(0).text()).isEqualTo("TVL fell 30% in 7 days: +0.15");
	}

	@Test
	void staysWithinBounds() {
		float[] row = row();
		row[Feature.APY_VARIATION_30D.ordinal()] = 50f;
		row[Feature.REWARD_SHARE.ordinal()] = 1f;
		row[Feature.TVL_CHANGE_7D.ordinal()] = -5f;
		row[Feature.APY_TREND.ordinal()] = 9f;
		assertThat(Heuristic.assess(row).score()).isEqualTo(0.98);
	}

	private static float[] row() {
		float[] row = new float[Feature.COUNT];
		Arrays.fill(row, Float.NaN);
		return row;
	}

}
