package com.yieldpilot.risk.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranks and medians against sorted columns give exactly what counting through every value
 * gave, ties, unknown values and signed zeros included.
 */
class CrossSectionTest {

	private final SplittableRandom random = new SplittableRandom(17);

	@Test
	void ranksAndMediansAreThoseOfAScanThroughEveryValue() {
		for (int n : new int[] { 0, 1, 2, 3, 10, 101, 1000 }) {
			float[] values = column(n);
			assertThat(Double.valueOf(CrossSection.median(values))).as("median of %d", n)
				.isEqualTo(Double.valueOf(scanMedian(values)));
			for (float v : values) {
				assertThat(Double.valueOf(CrossSection.rank(values, v))).as("rank of %s among %d", v, n)
					.isEqualTo(Double.valueOf(scanRank(values, v)));
			}
			for (float v : new float[] { -1e9f, 1e9f, 0.0f, -0.0f, 0.5f, Float.NaN }) {
				assertThat(Double.valueOf(CrossSection.rank(values, v))).as("rank of %s among %d", v, n)
					.isEqualTo(Double.valueOf(scanRank(values, v)));
			}
		}
	}

	@Test
	void aDaysPassRanksEveryPoolAgainstTheMarketAsAScanWould() {
		int pools = 3000;
		List<FeatureBuilder.Row> day = new ArrayList<>();
		for (int p = 0; p < pools; p++) {
			float[] x = new float[Feature.COUNT];
			Arrays.fill(x, Float.NaN);
			x[Feature.APY_MEAN_7D.ordinal()] = value();
			x[Feature.APY_VOLATILITY_7D.ordinal()] = value();
			x[Feature.APY_TREND.ordinal()] = value();
			x[Feature.TVL_VOLATILITY_30D.ordinal()] = value();
			// peer groups too small for their own: every pool is ranked against all
			day.add(new FeatureBuilder.Row(p, 20_000, "g" + (p % 1000), x, Double.NaN));
		}
		float[] apy7 = column(day, Feature.APY_MEAN_7D);
		float[] volatility = column(day, Feature.APY_VOLATILITY_7D);
		float[] trend = column(day, Feature.APY_TREND);
		float[] tvlVolatility = column(day, Feature.TVL_VOLATILITY_30D);

		CrossSection.fill(day, MarketOutcomes.NONE);

		for (FeatureBuilder.Row row : day) {
			float[] x = row.x();
			assertThat(Float.valueOf(x[Feature.APY_PEER_RANK.ordinal()]))
				.isEqualTo(Float.valueOf((float) scanRank(apy7, x[Feature.APY_MEAN_7D.ordinal()])));
			assertThat(Float.valueOf(x[Feature.APY_VOLATILITY_RANK.ordinal()]))
				.isEqualTo(Float.valueOf((float) scanRank(volatility, x[Feature.APY_VOLATILITY_7D.ordinal()])));
			assertThat(Float.valueOf(x[Feature.APY_TREND_RANK.ordinal()]))
				.isEqualTo(Float.valueOf((float) scanRank(trend, x[Feature.APY_TREND.ordinal()])));
			assertThat(Float.valueOf(x[Feature.TVL_VOLATILITY_RANK.ordinal()]))
				.isEqualTo(Float.valueOf((float) scanRank(tvlVolatility, x[Feature.TVL_VOLATILITY_30D.ordinal()])));
			assertThat(Float.valueOf(x[Feature.APY_VS_PEERS.ordinal()])).isEqualTo(
					Float.valueOf((float) FeatureBuilder.ratio(x[Feature.APY_MEAN_7D.ordinal()], scanMedian(apy7))));
		}
	}

	/** Values with many ties, unknowns and both zeros. */
	private float[] column(int n) {
		float[] values = new float[n];
		for (int i = 0; i < n; i++) {
			values[i] = value();
		}
		return values;
	}

	private float value() {
		return switch (this.random.nextInt(6)) {
			case 0 -> Float.NaN;
			case 1 -> 0.0f;
			case 2 -> -0.0f;
			case 3 -> this.random.nextInt(5) / 4.0f;
			default -> (float) this.random.nextGaussian();
		};
	}

	private static float[] column(List<FeatureBuilder.Row> rows, Feature feature) {
		float[] values = new float[rows.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = rows.get(i).x()[feature.ordinal()];
		}
		return values;
	}

	/** The rank as it was computed before: a scan through every value. */
	private static double scanRank(float[] values, float v) {
		if (Float.isNaN(v)) {
			return Double.NaN;
		}
		int below = 0;
		int equal = 0;
		int count = 0;
		for (float value : values) {
			if (Float.isNaN(value)) {
				continue;
			}
			count++;
			below += (value < v) ? 1 : 0;
			equal += (value == v) ? 1 : 0;
		}
		return (count <= 1) ? Double.NaN : (below + 0.5 * (equal - 1)) / (count - 1);
	}

	private static double scanMedian(float[] values) {
		float[] known = new float[values.length];
		int n = 0;
		for (float v : values) {
			if (!Float.isNaN(v)) {
				known[n++] = v;
			}
		}
		if (n == 0) {
			return Double.NaN;
		}
		known = Arrays.copyOf(known, n);
		Arrays.sort(known);
		return (n % 2 == 1) ? known[n / 2] : (known[n / 2 - 1] + known[n / 2]) / 2.0;
	}

}
