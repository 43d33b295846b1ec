package com.yieldpilot.market.internal.onchain;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AaveRatesTest {

	private static final Path REAL_RATES = Path.of("..", "shared", "data", "aave-v3-rates",
			"aave_v3_daily_rates_eth_base_arb_USDC_USDT_WETH.csv");

	@ParameterizedTest(name = "APR {0} compounds to APY {1}%")
	@CsvSource({ "0, 0", "0.05, 5.127110", "0.032774, 3.331698", "0.10, 10.517092", "1.0, 171.828182" })
	void compoundsAprPerSecondOverAYear(double apr, double apyPercent) {
		assertThat(AaveRates.apyPercent(apr)).isCloseTo(apyPercent, within(1e-5));
	}

	/**
	 * Aave's liquidity index grows by the supply rate, so over a real year of daily reads
	 * the index's annualised growth must match the APY of the rates in between. Checked
	 * on every USDC/USDT/WETH reserve of Ethereum, Base and Arbitrum, 2025-07 to 2026-08.
	 */
	@Test
	void apyMatchesTheLiquidityIndexGrowthOfRealAaveReserves() throws IOException {
		if (!Files.exists(REAL_RATES)) {
			System.err.println("\n!!!!!!!!!! SKIPPED: " + REAL_RATES.toAbsolutePath()
					+ " is absent (shared data lives beside the project in CI) !!!!!!!!!!\n");
			Assumptions.abort("shared Aave rate data absent");
		}
		Map<String, List<double[]>> series = new TreeMap<>();
		try (BufferedReader in = Files.newBufferedReader(REAL_RATES)) {
			String header = in.readLine();
			assertThat(header).startsWith("generated_at,network,symbol,asset_address,current_liquidity_rate");
			String line;
			while ((line = in.readLine()) != null) {
				String[] f = line.split(",");
				// key: network and asset address; value: [last update (s), APR,
				// liquidity index]
				series.computeIfAbsent(f[1] + ":" + f[3], k -> new ArrayList<>())
					.add(new double[] { Double.parseDouble(f[8]), Double.parseDouble(f[4]), Double.parseDouble(f[6]) });
			}
		}
		int checked = 0;
		double apyError = 0;
		double aprError = 0;
		for (Map.Entry<String, List<double[]>> entry : series.entrySet()) {
			List<double[]> rows = entry.getValue().stream().sorted((a, b) -> Double.compare(a[0], b[0])).toList();
			double expectedLog = 0;
			double seconds = 0;
			for (int i = 1; i < rows.size(); i++) {
				double dt = rows.get(i)[0] - rows.get(i - 1)[0];
				if (dt <= 0) {
					continue;
				}
				// the rate in force between two reads is the earlier one
				expectedLog += Math.log1p(AaveRates.apyPercent(rows.get(i - 1)[1]) / 100) * dt
						/ AaveRates.SECONDS_PER_YEAR;
				seconds += dt;
			}
			if (seconds < 180 * 24 * 3600) {
				continue;
			}
			double realized = Math.log(rows.get(rows.size() - 1)[2] / rows.get(0)[2]);
			double expectedApy = Math.expm1(expectedLog * AaveRates.SECONDS_PER_YEAR / seconds) * 100;
			double realizedApy = Math.expm1(realized * AaveRates.SECONDS_PER_YEAR / seconds) * 100;
			System.out.printf("%s: realized %.3f%% vs from rates %.3f%% over %.0f days%n", entry.getKey(), realizedApy,
					expectedApy, seconds / 86400);
			assertThat(realizedApy).as(entry.getKey()).isCloseTo(expectedApy, within(0.1));
			apyError += Math.abs(realizedApy - expectedApy);
			// what the index would say if the rate were already an APY (no compounding)
			double meanApr = Math.expm1(expectedLog * AaveRates.SECONDS_PER_YEAR / seconds);
			aprError += Math.abs(realizedApy - 100 * Math.log1p(meanApr));
			checked++;
		}
		assertThat(checked).as("reserves with at least half a year of reads").isGreaterThanOrEqualTo(5);
		assertThat(apyError).as("compounding explains the real index growth better than the raw APR")
			.isLessThan(aprError);
	}

}
