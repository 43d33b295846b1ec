package com.yieldpilot.risk.internal.model;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
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

	@ParameterizedTest(name = "future APY {0}, lowest TVL {1}: APY half {2}, TVL half {3}")
	@CsvSource({ "10, 1000, 0, 0", "7.9, 1000, 1, 0", "10, 699, 0, 1", "5, 500, 1, 1" })
	void splitsTheOutcomeIntoItsYieldAndCapitalHalves(double futureApy, double lowestTvl, double apyLeg, double tvlLeg)
			throws IOException {
		StringBuilder csv = new StringBuilder("pool,timestamp,tvlUsd,apy\n");
		LocalDate start = LocalDate.of(2025, 1, 1);
		for (int d = 0; d < 35; d++) {
			double apy = (d < 7) ? 10 : futureApy;
			double tvl = (d == 20) ? lowestTvl : 1000;
			csv.append("p,").append(start.plusDays(d)).append(',').append(tvl).append(',').append(apy).append('\n');
		}
		PoolHistory history = HistoryCsv.read(new StringReader(csv.toString())).get(0);
		Outcome.Legs legs = Outcome.legs(history, start.plusDays(6).toEpochDay());
		assertThat(legs).isEqualTo(new Outcome.Legs(apyLeg, tvlLeg));
		assertThat(legs.combined()).isEqualTo(Math.max(apyLeg, tvlLeg));
	}

	@ParameterizedTest(name = "APY half {0}, TVL half {1}: {2}")
	@CsvSource({ "NaN, 0, 0", "NaN, 1, 1", "1, NaN, 1", "0, NaN, 0", "NaN, NaN, NaN" })
	void anUnknownHalfLeavesTheOtherToDecide(double apyLeg, double tvlLeg, double combined) {
		assertThat(new Outcome.Legs(apyLeg, tvlLeg).combined()).isEqualTo(Double.valueOf(combined));
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

	/**
	 * APY 10 % throughout, TVL 1,000 until day 19 and 500 from day 20: outcomes of the
	 * days before 20 turn adverse on day 20, weeks before they mature.
	 */
	@Test
	void countsOutcomesThatHaveTurnedBeforeTheyMatureFromTheDataSoFar() throws IOException {
		StringBuilder csv = new StringBuilder("pool,timestamp,tvlUsd,apy\n");
		LocalDate start = LocalDate.of(2025, 1, 1);
		for (int d = 0; d < 40; d++) {
			csv.append("p,").append(start.plusDays(d)).append(',').append((d < 20) ? 1000 : 500).append(",10\n");
		}
		PoolHistory history = HistoryCsv.read(new StringReader(csv.toString())).get(0);
		byte[] adverse = new byte[40];
		byte[] known = new byte[40];
		Outcome.early(history, Long.MIN_VALUE, adverse, known);
		assertThat(known[6]).as("no day has 7 later days yet").isZero();
		assertThat(known[13]).as("days 0-6 have 7 or more later days").isEqualTo((byte) 7);
		assertThat(adverse[13]).isZero();
		assertThat(adverse[20]).as("days 0-13: TVL fell below 0.7 × theirs on day 20").isEqualTo((byte) 14);
		assertThat(known[20]).isEqualTo((byte) 14);
		assertThat(known[30]).as("days 3-23: day 2's outcome matured on day 30").isEqualTo((byte) 21);
		assertThat(adverse[30]).as("days 3-19; days 20-23 started at 500").isEqualTo((byte) 17);

		long cut = start.plusDays(25).toEpochDay();
		byte[] cutAdverse = new byte[26];
		byte[] cutKnown = new byte[26];
		Outcome.early(history.until(cut), Long.MIN_VALUE, cutAdverse, cutKnown);
		for (int d = 0; d <= 25; d++) {
			assertThat(new byte[] { cutAdverse[d], cutKnown[d] }).as("day %d uses data up to it only", d)
				.containsExactly(adverse[d], known[d]);
		}

		byte[] fromAdverse = new byte[40];
		byte[] fromKnown = new byte[40];
		Outcome.early(history, start.plusDays(30).toEpochDay(), fromAdverse, fromKnown);
		assertThat(fromKnown[29]).as("before the first day asked for").isZero();
		for (int d = 30; d < 40; d++) {
			assertThat(new byte[] { fromAdverse[d], fromKnown[d] }).as("day %d as a full count", d)
				.containsExactly(adverse[d], known[d]);
		}
	}

}
