package com.yieldpilot.market.internal.history;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;

import com.yieldpilot.market.HistoryImportReport.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History files in DefiLlama's chart shape: every row is accepted, skipped or in error,
 * by its line in the file, with a reason that names the field.
 */
class HistoryFileReaderTest {

	private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	private final HistoryFileReader reader = new HistoryFileReader(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void readsACsvChartWithEmptyValuesAsAbsent() {
		ParsedHistory parsed = this.reader.read("chart.csv", resource("chart.csv"));

		assertThat(parsed.format()).isEqualTo("CSV");
		assertThat(parsed.rowsRead()).isEqualTo(3);
		assertThat(parsed.errorCount()).isZero();
		assertThat(parsed.skippedCount()).isZero();
		assertThat(parsed.rows()).containsExactly(
				new HistoryRow(Instant.parse("2024-03-02T00:04:17.512Z"), 3418207.0, 7.62418, 2.90157, 4.72261),
				new HistoryRow(Instant.parse("2024-03-03T00:03:55.068Z"), 3502964.0, 8.10935, 3.14079, 4.96856),
				new HistoryRow(Instant.parse("2024-03-04T00:05:41.230Z"), 3377120.0, 3.05516, 3.05516, null));
	}

	@Test
	void readsTheSamePointsFromADefiLlamaChartResponse() {
		ParsedHistory json = this.reader.read("chart.json", resource("chart.json"));
		ParsedHistory csv = this.reader.read("chart.csv", resource("chart.csv"));

		assertThat(json.format()).isEqualTo("JSON");
		assertThat(json.errorCount()).isZero();
		assertThat(json.rows()).isEqualTo(csv.rows());
	}

	@Test
	void reportsEachBadCsvRowByLineAndSkipsImplausibleOnes() {
		ParsedHistory parsed = this.reader.read("junk.csv", resource("junk.csv"));

		assertThat(parsed.rowsRead()).as("the empty line 5 is no row").isEqualTo(9);
		assertThat(parsed.rows()).singleElement()
			.extracting(HistoryRow::at)
			.isEqualTo(Instant.parse("2024-03-02T00:04:17.512Z"));
		assertThat(parsed.errors()).extracting(Problem::line).containsExactly(3, 4, 7, 9);
		assertThat(parsed.errors().get(0).reason()).contains("timestamp is not a date or time: \"2024-13-40\"");
		assertThat(parsed.errors().get(1).reason()).isEqualTo("tvlUsd is not a number: \"lots\"");
		assertThat(parsed.errors().get(2).reason()).isEqualTo("has 3 fields where the header has 6");
		assertThat(parsed.errors().get(3).reason()).contains("pool \"42eb6cd8-3b10-4b98-afc9-0771efe77f9f\" differs",
				"on line 2");
		assertThat(parsed.skipped()).extracting(Problem::line).containsExactly(6, 8, 10, 11);
		assertThat(parsed.skipped().get(0).reason()).contains("apy 190176.22 % is outside [-100, 100000] %");
		assertThat(parsed.skipped().get(1).reason()).isEqualTo("tvlUsd is negative: -5.0");
		assertThat(parsed.skipped().get(2).reason()).isEqualTo("same timestamp as line 2");
		assertThat(parsed.skipped().get(3).reason()).isEqualTo("no tvlUsd, apy, apyBase or apyReward");
		assertThat(parsed.errorCount() + parsed.skippedCount() + parsed.rows().size()).isEqualTo(parsed.rowsRead());
	}

	@Test
	void reportsEachBadJsonPointByTheLineItStartsOn() {
		ParsedHistory parsed = this.reader.read("junk.json", resource("junk.json"));

		assertThat(parsed.rowsRead()).isEqualTo(7);
		assertThat(parsed.rows()).extracting(HistoryRow::at)
			.containsExactly(Instant.parse("2024-03-02T00:04:17.512Z"), Instant.parse("2024-03-03T00:03:55Z"),
					Instant.parse("2024-03-07T23:30:12Z"));
		assertThat(parsed.rows().get(1).apyReward()).as("NaN is a missing value").isNull();
		assertThat(parsed.rows().get(1).tvlUsd()).as("numbers as strings").isEqualTo(3502964.0);
		assertThat(parsed.errors()).extracting(Problem::line).containsExactly(4, 5, 6, 7);
		assertThat(parsed.errors()).extracting(Problem::reason)
			.containsExactly("timestamp is missing", "apy is not a number: \"abc\"", "is not a JSON object",
					"apy is not a number: \"{…}\"");
	}

	@Test
	void takesGzipAndAByteOrderMarkAndTellsJsonFromCsvWithoutAnExtension() {
		byte[] csv = ("\uFEFFTimeStamp,APY\n2024-01-01,4.5\n2024-01-02 12:00:00,4.6\n")
			.getBytes(StandardCharsets.UTF_8);
		ParsedHistory parsed = this.reader.read("history.csv.gz", new ByteArrayInputStream(gzip(csv)));
		assertThat(parsed.errorCount()).isZero();
		assertThat(parsed.rows()).extracting(HistoryRow::at)
			.containsExactly(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T12:00:00Z"));

		ParsedHistory sniffed = this.reader.read("upload", stream("  [{\"timestamp\":\"2024-01-01\",\"apy\":1}]"));
		assertThat(sniffed.format()).isEqualTo("JSON");
		assertThat(sniffed.rows()).hasSize(1);
	}

	@Test
	void refusesFilesThatAreNoHistoryWithOneClearError() {
		assertThat(single(this.reader.read("a.csv", stream("")))).contains("The file is empty");
		assertThat(single(this.reader.read("a.csv", stream("date,price\n2024-01-01,1\n"))))
			.contains("no timestamp column or no value column");
		assertThat(single(this.reader.read("a.json", stream("{\"status\":\"error\",\"data\":[]}"))))
			.contains("status is \"error\"");
		assertThat(single(this.reader.read("a.json",
				stream("{\"status\":\"success\",\"data\":[{\"timestamp\":\"2024-01-01\",\"apy\":1"))))
			.contains("not valid JSON");
		assertThat(single(this.reader.read("a.json", stream("{\"status\":\"success\"}")))).contains("no data array");
		assertThat(single(this.reader.read("a.csv", stream("timestamp,apy\n\"2024-01-01\"x,1\n"))))
			.contains("not valid CSV");
	}

	@Test
	void refusesTimestampsInTheFutureOrBeforeDeFi() {
		ParsedHistory parsed = this.reader.read("a.csv",
				stream("timestamp,apy\n2026-11-21T10:59:00Z,1\n2026-11-21T11:01:00Z,1\n2014-12-31,1\n"));
		assertThat(parsed.rows()).as("an hour of clock difference is allowed").hasSize(1);
		assertThat(parsed.errors()).extracting(Problem::reason)
			.containsExactly("timestamp 2026-11-21T11:01:00Z lies in the future",
					"timestamp 2014-12-31T00:00:00Z lies before 2015, earlier than any DeFi pool");
	}

	@Test
	void countsEveryProblemButListsOnlyTheFirstHundred() {
		StringBuilder csv = new StringBuilder("timestamp,apy\n");
		for (int i = 0; i < 250; i++) {
			csv.append("not-a-date,1\n");
		}
		ParsedHistory parsed = this.reader.read("a.csv", stream(csv.toString()));
		assertThat(parsed.errorCount()).isEqualTo(250);
		assertThat(parsed.errors()).hasSize(100);
		assertThat(parsed.errors().get(99).line()).isEqualTo(101);
	}

	private static String single(ParsedHistory parsed) {
		assertThat(parsed.errors()).hasSize(1);
		return parsed.errors().get(0).reason();
	}

	private static InputStream resource(String name) {
		InputStream in = HistoryFileReaderTest.class.getResourceAsStream("/history/" + name);
		assertThat(in).as(name).isNotNull();
		return in;
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
