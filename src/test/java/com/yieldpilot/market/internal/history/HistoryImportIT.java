package com.yieldpilot.market.internal.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.yieldpilot.market.HistoryPoint;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.Resolution;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.store.PoolRegistry;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.TestHomes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

/**
 * {@code import-history} on the real database: CSV and JSON charts are stored as imported
 * history, a file with any bad row stores nothing and names the rows to fix, an unknown
 * pool gets the known ids closest to it, and a rerun stores nothing twice.
 */
class HistoryImportIT extends ApplicationIT {

	@Autowired
	HistoryImportCommand command;

	@Autowired
	PoolRegistry registry;

	@Autowired
	MarketData market;

	@Autowired
	TransactionTemplate transactions;

	private final String tag = UUID.randomUUID().toString().substring(0, 6);

	private final Path files = TestHomes.create("history-files");

	@Test
	void importsACsvChartAndARerunStoresNothingTwice() {
		PoolId pool = register("csv");
		Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
		Path file = write("chart.csv",
				"timestamp,tvlUsd,apy,apyBase,apyReward,il7d\n"
						+ row(today.minus(Duration.ofDays(2)), 3418207.0, 7.62418, 2.90157, "4.72261") + ",\n"
						+ row(today.minus(Duration.ofDays(1)), 3502964.0, 8.10935, 3.14079, "") + ",0.1\n");

		Output first = run("--pool", pool.toString(), "--file", file.toString());

		assertThat(first.code()).isZero();
		assertThat(first.out()).contains("Imported the history of " + pool + " from chart.csv (CSV)",
				"rows read:      2", "rows accepted:  2", "values stored:  7 new, 0 already stored");
		assertThat(this.market.history(pool, Metric.APY, today.minus(Duration.ofDays(3)), today))
			.extracting(MetricSample::value, MetricSample::source)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(7.62418, Source.IMPORT),
					org.assertj.core.groups.Tuple.tuple(8.10935, Source.IMPORT));
		assertThat(this.market.history(pool, Metric.APY_BASE, Resolution.DAY, today.minus(Duration.ofDays(3)), today))
			.extracting(HistoryPoint::value)
			.containsExactly(2.90157, 3.14079);

		Output again = run("--pool", pool.toString(), "--file", file.toString());
		assertThat(again.code()).isZero();
		assertThat(again.out()).contains("values stored:  0 new, 7 already stored");
		assertThat(this.market.history(pool, Metric.APY, today.minus(Duration.ofDays(3)), today)).hasSize(2);
	}

	@Test
	void importsADefiLlamaChartResponseAndRecordsItInTheAuditLog() {
		PoolId pool = register("json");
		Path file = write("chart.json", resource("chart.json"));

		Output output = run("--pool=" + pool, "--file=" + file);

		assertThat(output.code()).isZero();
		assertThat(output.out()).contains("(JSON), 2024-03-02T00:04:17.512Z to 2024-03-04T00:05:41.230Z");
		// March 2024 lies beyond the raw retention: daily and hourly rollups only
		Instant from = Instant.parse("2024-03-01T00:00:00Z");
		Instant to = Instant.parse("2024-03-05T00:00:00Z");
		assertThat(this.market.history(pool, Metric.TVL, Resolution.DAY, from, to)).extracting(HistoryPoint::value)
			.containsExactly(3418207.0, 3502964.0, 3377120.0);
		assertThat(this.market.history(pool, Metric.TVL, from, to)).isEmpty();
		String detail = this.dsl.select(field("detail", String.class))
			.from(table("audit_log"))
			.where(field("action").eq("market.history.imported"))
			.and(field("subject").eq(pool.toString()))
			.fetchOne(0, String.class);
		assertThat(detail).isEqualTo("\"chart.json\": 3 rows, 11 new values");
	}

	@Test
	void aFileWithBadRowsStoresNothingAndSaysWhichLinesToFix() {
		PoolId pool = register("junk");
		Path file = write("junk.csv", resource("junk.csv"));

		Output output = run("--pool", pool.toString(), "--file", file.toString());

		assertThat(output.code()).isEqualTo(1);
		assertThat(output.err()).contains("Nothing was imported into " + pool + ": junk.csv has 4 errors",
				"line 3: timestamp is not a date or time: \"2024-13-40\"", "line 4: tvlUsd is not a number: \"lots\"",
				"line 7: has 3 fields where the header has 6", "Skipped:",
				"line 6: apy 190176.22 % is outside [-100, 100000] %", "line 10: same timestamp as line 2");
		assertThat(this.market.history(pool, Metric.APY, Resolution.DAY, Instant.parse("2024-03-01T00:00:00Z"),
				Instant.parse("2024-03-10T00:00:00Z")))
			.as("the good row on line 2 is not stored either")
			.isEmpty();
	}

	@Test
	void anUnknownPoolIsNamedWithTheClosestKnownIds() {
		PoolId pool = register("near");
		Path file = write("chart.csv", resource("chart.csv"));
		String typo = pool.toString().replace("backfill-", "backfil-");

		Output output = run("--pool", typo, "--file", file.toString());

		assertThat(output.code()).isEqualTo(1);
		assertThat(output.err()).contains("Unknown pool '" + typo + "'. Did you mean " + pool);
	}

	@Test
	void wrongArgumentsGetTheUsageAndAMissingFileIsNamed() {
		assertThat(run("--pool", "aave-v3:base:USDC").code()).isEqualTo(2);
		assertThat(run("--file", "chart.csv").err()).contains("Usage: import-history --pool");
		Output missing = run("--pool", register("missing").toString(), "--file",
				this.files.resolve("nope.csv").toString());
		assertThat(missing.code()).isEqualTo(1);
		assertThat(missing.err()).contains("Cannot read the file", "nope.csv");
	}

	private record Output(int code, String out, String err) {
	}

	private Output run(String... arguments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = this.command.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private PoolId register(String asset) {
		PoolId id = PoolId.parse("backfill-" + this.tag + ":base:" + asset.toUpperCase(Locale.ROOT));
		this.transactions.executeWithoutResult(status -> this.registry
			.register(new PoolDescriptor(id, null, null, true, PoolDescriptor.Origin.REGISTRY)));
		return id;
	}

	private Path write(String name, String content) {
		try {
			return Files.writeString(this.files.resolve(name), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String resource(String name) {
		try (InputStream in = HistoryImportIT.class.getResourceAsStream("/history/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String row(Instant at, double tvl, double apy, double apyBase, String apyReward) {
		return at + "," + tvl + "," + apy + "," + apyBase + "," + apyReward;
	}

}
