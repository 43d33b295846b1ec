package com.yieldpilot.market.internal.history;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import com.yieldpilot.market.HistoryImportReport.Problem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history reader over real recorded DefiLlama charts (read-only, outside the repo, in
 * {@code ../shared/data/defillama-yields}; see SOURCES.md there): 479 pools' daily series
 * as CSV, and three of them as {@code /chart} responses. Expected skips are counted
 * independently from the raw text.
 */
class RecordedHistoryConformanceTest {

	static final Path DATA = Path.of("..", "shared", "data", "defillama-yields");

	static final Path SERIES = DATA.resolve("chart_timeseries_479pools_2023-04_2025-10.csv.gz");

	static final List<String> CHARTS = List.of("8a922da8-ee3c-44c8-a6c0-68bed39089c2",
			"42eb6cd8-3b10-4b98-afc9-0771efe77f9f", "3603d576-a4d7-4317-9ae1-bf451b3e637a");

	private final HistoryFileReader reader = new HistoryFileReader(Clock.systemUTC());

	@BeforeAll
	static void requireTheRecordedData() {
		if (!Files.isRegularFile(SERIES)) {
			String message = "recorded DefiLlama charts not found at " + DATA.toAbsolutePath().normalize()
					+ ", history import against real data NOT checked";
			System.err.println("!!!!!!!! RecordedHistoryConformanceTest SKIPPED: " + message + " !!!!!!!!");
			Assumptions.abort(message);
		}
	}

	@Test
	void everyRecordedSeriesReadsWithoutErrorsSkippingOnlyImplausiblePoints() throws IOException {
		Map<String, List<String>> series = seriesByPool();
		int rows = 0;
		int skipped = 0;
		for (Map.Entry<String, List<String>> pool : series.entrySet()) {
			ParsedHistory parsed = this.reader.read(pool.getKey() + ".csv", csv(pool.getValue()));
			assertThat(parsed.errors()).as(pool.getKey()).isEmpty();
			assertThat(parsed.rowsRead()).as(pool.getKey()).isEqualTo(pool.getValue().size());
			assertThat(parsed.skippedCount()).as(pool.getKey()).isEqualTo(implausible(pool.getValue()));
			assertThat(parsed.skipped()).extracting(Problem::reason)
				.allSatisfy(reason -> assertThat(reason).containsAnyOf("is outside [-100, 100000] %", "is negative",
						"same timestamp as line", "no tvlUsd, apy, apyBase or apyReward"));
			rows += parsed.rowsRead();
			skipped += parsed.skippedCount();
		}
		System.out.printf("History conformance: %d pools, %d rows, %d skipped as implausible%n", series.size(), rows,
				skipped);
		assertThat(series).hasSize(479);
		assertThat(rows).isEqualTo(73_201);
	}

	@Test
	void aChartResponseAndTheSamePoolsCsvRowsGiveTheSameHistory() throws IOException {
		Map<String, List<String>> series = seriesByPool();
		for (String pool : CHARTS) {
			ParsedHistory json;
			try (InputStream in = Files.newInputStream(chart(pool))) {
				json = this.reader.read(chart(pool).getFileName().toString(), in);
			}
			ParsedHistory csv = this.reader.read(pool + ".csv", csv(series.get(pool)));
			assertThat(json.errors()).isEmpty();
			assertThat(json.rowsRead()).isEqualTo(882);
			assertThat(json.rows()).as(pool).isEqualTo(csv.rows());
		}
	}

	@Test
	void theWholeMultiPoolFileIsRefusedBecauseAFileHoldsOnePool() throws IOException {
		ParsedHistory parsed;
		try (InputStream in = Files.newInputStream(SERIES)) {
			parsed = this.reader.read(SERIES.getFileName().toString(), in);
		}
		assertThat(parsed.errorCount()).isGreaterThan(70_000);
		assertThat(parsed.errors().get(0).reason()).contains("differs from", "a file holds the history of one pool");
	}

	static Path chart(String pool) {
		return DATA.resolve("chart_" + pool + ".chart-shaped.derived.json");
	}

	/** Each pool's rows of the recorded CSV, in file order, without the header. */
	static Map<String, List<String>> seriesByPool() throws IOException {
		Map<String, List<String>> series = new LinkedHashMap<>();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(new GZIPInputStream(Files.newInputStream(SERIES)), StandardCharsets.UTF_8))) {
			assertThat(in.readLine()).isEqualTo("pool,timestamp,tvlUsd,apy,apyBase,apyReward");
			String line;
			while ((line = in.readLine()) != null) {
				series.computeIfAbsent(line.substring(0, line.indexOf(',')), p -> new java.util.ArrayList<>())
					.add(line);
			}
		}
		return series;
	}

	static InputStream csv(List<String> rows) {
		String text = "pool,timestamp,tvlUsd,apy,apyBase,apyReward\n" + String.join("\n", rows) + "\n";
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Rows the reader must skip, by the documented rules, counted from the raw text. */
	private static int implausible(List<String> rows) {
		Set<Instant> seen = new HashSet<>();
		int count = 0;
		for (String row : rows) {
			String[] f = row.split(",", -1);
			boolean bad = !seen.add(Instant.parse(f[1]));
			bad |= !f[2].isEmpty() && Double.parseDouble(f[2]) < 0;
			boolean any = !f[2].isEmpty();
			for (int i = 3; i <= 5; i++) {
				if (!f[i].isEmpty()) {
					double apy = Double.parseDouble(f[i]);
					bad |= apy < -100 || apy > 100_000;
					any = true;
				}
			}
			count += (bad || !any) ? 1 : 0;
		}
		return count;
	}

}
