package com.yieldpilot.risk.internal.model;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HistoryCsvTest {

	@Test
	void readsDailyRowsInAnyColumnOrderWithMissingValues() throws IOException {
		List<PoolHistory> pools = HistoryCsv.read(new StringReader("""
				APY,pool,timestamp,tvlUsd,apyReward,apyBase,extra
				5.0,b,2025-01-02T23:00:00.000Z,100,,5.0,x
				4.0,b,2025-01-04T23:00:00Z,90,NaN,null,x
				1.0,a,1735776000,50,0.5,0.5,x
				2.0,a,2025-01-02T23:59:00Z,55,1,1,x
				"""));
		assertThat(pools).extracting(PoolHistory::pool).containsExactly("a", "b");
		PoolHistory a = pools.get(0);
		long jan2 = LocalDate.of(2025, 1, 2).toEpochDay();
		assertThat(a.apy(jan2)).as("the later row of a day wins").isEqualTo(2.0);
		PoolHistory b = pools.get(1);
		assertThat(b.observed(jan2 + 1)).isFalse();
		assertThat(b.apyReward(jan2)).isNaN();
		assertThat(b.apyBase(jan2 + 2)).isNaN();
		assertThat(b.timestamp(jan2 + 2)).isEqualTo("2025-01-04T23:00:00Z");
	}

	/**
	 * What a spreadsheet or pandas writes: a byte order mark before the header, and
	 * date-times with a space, fractions and an offset or none.
	 */
	@Test
	void readsSpreadsheetAndPandasExportsAlike() throws IOException {
		List<PoolHistory> pools = HistoryCsv.read(new StringReader("""
				\uFEFFpool,timestamp,tvlUsd,apy,apyBase,apyReward
				p,2025-01-02 23:00:00.250000+00:00,100,5.0,5.0,
				p,2025-01-03 22:00:00,90,4.0,3.0,1.0
				p,2025-01-04T21:00:00,80,3.0,,
				"""));
		assertThat(pools).singleElement().satisfies((p) -> {
			long jan2 = LocalDate.of(2025, 1, 2).toEpochDay();
			assertThat(p.pool()).isEqualTo("p");
			assertThat(p.apy(jan2)).isEqualTo(5.0);
			assertThat(p.apyReward(jan2 + 1)).isEqualTo(1.0);
			assertThat(p.tvl(jan2 + 2)).isEqualTo(80.0);
			assertThat(p.timestamp(jan2)).as("written back as the input spelled it")
				.isEqualTo("2025-01-02 23:00:00.250000+00:00");
		});
	}

	@Test
	void namesMissingColumns() {
		assertThatExceptionOfType(HistoryFormatException.class)
			.isThrownBy(() -> HistoryCsv.read(new StringReader("pool,timestamp,apy\np,2025-01-01,1\n")))
			.withMessageContaining("lacks the column(s) tvlUsd");
	}

	@Test
	void namesEveryBadDateAndNumberByLine() {
		assertThatExceptionOfType(HistoryFormatException.class).isThrownBy(() -> HistoryCsv.read(new StringReader("""
				pool,timestamp,tvlUsd,apy
				p,2025-13-01,1,1
				p,2025-01-02,lots,1
				p,yesterday,1,1
				""")))
			.satisfies(ex -> assertThat(ex.problems()).containsExactly(
					"line 2: '2025-13-01' is not a date. Use ISO-8601 (2025-01-31T23:59:00Z, 2025-01-31 23:59:00 or 2025-01-31) or Unix seconds.",
					"line 3: tvlUsd 'lots' is not a number.",
					"line 4: 'yesterday' is not a date. Use ISO-8601 (2025-01-31T23:59:00Z, 2025-01-31 23:59:00 or 2025-01-31) or Unix seconds."));
	}

	@Test
	void rejectsAnEmptyFileAndAHeaderWithoutRows() {
		assertThatExceptionOfType(HistoryFormatException.class).isThrownBy(() -> HistoryCsv.read(new StringReader("")))
			.withMessageContaining("The file is empty");
		assertThatExceptionOfType(HistoryFormatException.class)
			.isThrownBy(() -> HistoryCsv.read(new StringReader("pool,timestamp,tvlUsd,apy,apyBase,apyReward\n")))
			.withMessageContaining("no rows");
	}

}
