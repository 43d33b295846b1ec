package com.yieldpilot.market.internal.defillama;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChartParserTest {

	private final ChartParser parser = new ChartParser();

	@Test
	void readsARealShapedSeries() {
		ChartSeries series = this.parser.parse(Fixtures.stream("chart-small.json"));

		assertThat(series.report().read()).isEqualTo(3);
		assertThat(series.report().accepted()).isEqualTo(3);
		assertThat(series.points().get(0))
			.isEqualTo(new ChartPoint(Instant.parse("2024-03-02T00:04:17.512Z"), 3418207.0, 7.62418, 2.90157, 4.72261));
		assertThat(series.points().get(2).apyReward()).isNull();
	}

	@Test
	void skipsPointsWithBadTimestampsOrJunkAndReportsWhy() {
		ChartSeries series = this.parser.parse(Fixtures.stream("chart-mixed.json"));

		BatchReport report = series.report();
		assertThat(report.read()).isEqualTo(8);
		assertThat(report.accepted()).isEqualTo(3);
		assertThat(report.skippedCount()).isEqualTo(5);
		assertThat(report.skipped()).extracting(SkippedRecord::index).containsExactly(1, 2, 3, 5, 6);
		assertThat(report.skipped()).extracting(SkippedRecord::reason)
			.containsExactly("timestamp is not ISO-8601: \"2024-14-33T27:00:00Z\"",
					"timestamp is missing or not a string", "timestamp is missing or not a string",
					"apy is not a number: \"abc\"", "tvlUsd is negative: -5.0");
	}

	@Test
	void readsNumbersGivenAsStringsAndNullsJunkInOptionalFields() {
		ChartSeries series = this.parser.parse(Fixtures.stream("chart-mixed.json"));

		assertThat(series.points().get(1))
			.isEqualTo(new ChartPoint(Instant.parse("2024-03-05T00:02:48.907Z"), 3291575.0, 6.48837, null, null));
	}

	@Test
	void acceptsIsoTimestampsWithAnOffset() {
		ChartSeries series = this.parser.parse(Fixtures.stream("chart-mixed.json"));

		assertThat(series.points().get(2).timestamp()).isEqualTo(Instant.parse("2024-03-07T23:30:12Z"));
	}

	@Test
	void skipsPointWithAnOutlierApy() {
		ChartSeries series = this.parser.parse(Fixtures.streamOf(
				"{\"status\":\"success\",\"data\":[{\"timestamp\":\"2024-01-01T00:00:00Z\",\"tvlUsd\":10,\"apy\":123456789}]}"));

		assertThat(series.points()).isEmpty();
		assertThat(series.report().skipped().get(0).reason()).contains("apy 1.23456789E8 % is outside", "outlier");
	}

	@Test
	void failsTheSeriesWhenStatusIsNotSuccess() {
		assertThatExceptionOfType(DefiLlamaFormatException.class)
			.isThrownBy(() -> this.parser.parse(Fixtures.streamOf("{\"status\":\"error\",\"data\":[]}")))
			.withMessageContaining("/chart status is \"error\"");
	}

	@Test
	void failsATruncatedSeriesNamingHowManyPointsWereRead() {
		String body = Fixtures.text("chart-small.json");
		String cut = body.substring(0, body.indexOf("2024-03-04"));

		assertThatExceptionOfType(DefiLlamaFormatException.class)
			.isThrownBy(() -> this.parser.parse(Fixtures.streamOf(cut)))
			.withMessageContaining("after 2 complete points")
			.satisfies((ex) -> assertThat(ex.recordsRead()).isEqualTo(2));
	}

}
