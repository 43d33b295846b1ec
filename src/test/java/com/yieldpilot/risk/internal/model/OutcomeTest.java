package com.yieldpilot.risk.internal.model;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeTest {

	/**
	 * A pool at APY 10 % and TVL 1,000 for 7 days, then 28 days at the given APY with one
	 * day at the given TVL.
	 */
	@ParameterizedTest(name = "future APY {0}, lowest TVL {1}: {2}")
	@CsvSource({ "10, 1000, 0", "8.1, 1000, 0", "7.9, 1000, 1", "10, 701, 0", "10, 699, 1", "5, 500, 1",
			"20, 2000, 0" })
	void isAdverseWhenYieldDoesNotHoldOrCapitalFlees(double futureApy, double lowestTvl, double adverse)
			throws IOException {
		StringBuilder csv = new StringBuilder("pool,timestamp,tvlUsd,apy\n");
		LocalDate start = LocalDate.of(2025, 1, 1);
		for (int d = 0; d < 35; d++) {
			double apy = (d < 7) ? 10 : futureApy;
			double tvl = (d == 20) ? lowestTvl : 1000;
			csv.append("p,").append(start.plusDays(d)).append(',').append(tvl).append(',').append(apy).append('\n');
		}
		PoolHistory history = HistoryCsv.read(new StringReader(csv.toString())).get(0);
		assertThat(Outcome.of(history, start.plusDays(6).toEpochDay())).isEqualTo(adverse);
	}

	@ParameterizedTest(name = "{0} future days with data: known = {1}")
	@CsvSource({ "28, true", "7, true", "6, false", "0, false" })
	void needsEnoughFutureDays(int futureDays, boolean known) throws IOException {
		StringBuilder csv = new StringBuilder("pool,timestamp,tvlUsd,apy\n");
		LocalDate start = LocalDate.of(2025, 1, 1);
		for (int d = 0; d < 7 + futureDays; d++) {
			csv.append("p,").append(start.plusDays(d)).append(",1000,10\n");
		}
		PoolHistory history = HistoryCsv.read(new StringReader(csv.toString())).get(0);
		assertThat(Double.isNaN(Outcome.of(history, start.plusDays(6).toEpochDay()))).isEqualTo(!known);
	}

}
