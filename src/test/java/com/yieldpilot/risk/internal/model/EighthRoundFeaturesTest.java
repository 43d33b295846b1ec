package com.yieldpilot.risk.internal.model;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EighthRoundFeaturesTest {

	private static final long FIRST = 20_000;

	@Test
	void splitsTheWeeksApyChangeIntoRewardAndBaseAndCountsTheEmissionRun() {
		int days = 40;
		double[] base = filled(days, 5);
		double[] reward = filled(days, 0);
		// rewards start on day 20 at 5 points and are cut to 2 on day 33
		for (int d = 20; d < days; d++) {
			reward[d] = (d < 33) ? 5 : 2;
		}
		float[] x = row(history(filled(days, 1e6), sum(base, reward), base, reward), 39);

		assertThat(x[Feature.REWARD_RUN_DAYS.ordinal()]).isEqualTo(20f);
		// week 33..39 averages 2 reward points, week 26..32 averaged 5, out of a 10-point
		// APY
		assertThat((double) x[Feature.REWARD_CHANGE_7D.ordinal()]).isCloseTo(-0.3, within(1e-6));
		assertThat((double) x[Feature.BASE_APY_CHANGE_7D.ordinal()]).isCloseTo(0, within(1e-6));
		assertThat(row(history(filled(days, 1e6), base, base, filled(days, 0)), 39)[Feature.REWARD_RUN_DAYS.ordinal()])
			.isZero();
	}

	@Test
	void comparesTheWeeksMedianApyWithItsMeanAndTodaysTvlWithItsWeek() {
		int days = 20;
		double[] apy = filled(days, 1);
		apy[16] = 8;
		double[] tvl = filled(days, 100);
		tvl[19] = 200;
		float[] x = row(history(tvl, apy, apy, filled(days, 0)), 19);

		// 1, 1, 1, 8, 1, 1, 1: mean 2, median 1
		assertThat((double) x[Feature.APY_MEDIAN_VS_MEAN_7D.ordinal()]).isCloseTo(-0.5, within(1e-6));
		assertThat((double) x[Feature.TVL_VS_MEAN_7D.ordinal()]).isCloseTo(200 / (800 / 7.0) - 1, within(1e-5));
	}

	@Test
	void recordsTheWorstTvlFallOfMaturedWindowsOnly() {
		int days = 100;
		double[] tvl = filled(days, 100);
		tvl[50] = 40;
		double[] apy = filled(days, 5);
		PoolHistory history = history(tvl, apy, apy, filled(days, 0));

		// the first window that saw day 50 is day 22's, which matures on day 50
		assertThat((double) row(history, 49)[Feature.TVL_WORST_FALL_180D.ordinal()]).isCloseTo(0, within(1e-9));
		assertThat(row(history, 49)[Feature.POOL_TVL_FALL_RATE_90D.ordinal()]).isZero();
		assertThat((double) row(history, 50)[Feature.TVL_WORST_FALL_180D.ordinal()]).isCloseTo(Math.log(0.4),
				within(1e-6));
		assertThat(row(history, 50)[Feature.POOL_TVL_FALL_RATE_90D.ordinal()]).isGreaterThan(0f);
	}

	private static float[] row(PoolHistory history, long day) {
		FeatureTable table = FeatureBuilder.build(List.of(history), List.of(), 1);
		for (int r = 0; r < table.size(); r++) {
			if (table.day(r) == FIRST + day) {
				return table.row(r);
			}
		}
		throw new AssertionError("no row on day " + day);
	}

	private static PoolHistory history(double[] tvl, double[] apy, double[] base, double[] reward) {
		return PoolHistory.daily("proto:base:USDC", FIRST, tvl, apy, base, reward, (day) -> "day " + day);
	}

	private static double[] filled(int days, double value) {
		double[] values = new double[days];
		Arrays.fill(values, value);
		return values;
	}

	private static double[] sum(double[] a, double[] b) {
		double[] sum = new double[a.length];
		for (int i = 0; i < a.length; i++) {
			sum[i] = a[i] + b[i];
		}
		return sum;
	}

}
