package com.yieldpilot.risk.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.yieldpilot.YieldPilotApplication;
import com.yieldpilot.platform.Commands;
import com.yieldpilot.risk.internal.model.SyntheticHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command through the application's own entry, which must not start Spring or a
 * database for it.
 */
class ScoreHistoryCommandTest {

	@TempDir
	Path folder;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void writesAScoreForEveryPoolDayAfterTrainingWithoutStartingTheApplication() throws IOException {
		Path history = this.folder.resolve("history.csv");
		Files.writeString(history, SyntheticHistory.csv(30, 260, 9));
		Path incidents = this.folder.resolve("incidents.json");
		Files.writeString(incidents,
				"""
						[{"date":"20240301","name":"Proto1","type":"Price Manipulation","Lost":1200000,"lossType":"USD","chain":"Base"},
						 {"date":"20240610","name":"Other","type":"Reentrancy","Lost":12,"lossType":"ETH","chain":"Ethereum"}]
						""");
		Path scores = this.folder.resolve("out/scores.csv");
		int code = run("risk", "score-history", "--history", history.toString(), "--train-until", "2024-06-30", "--out",
				scores.toString(), "--incidents", incidents.toString());
		assertThat(code).as(this.err.toString()).isZero();
		List<String> lines = Files.readAllLines(scores);
		assertThat(lines.get(0)).isEqualTo("pool,timestamp,score");
		assertThat(lines).hasSizeGreaterThan(1000);
		assertThat(lines.subList(1, lines.size())).allSatisfy(line -> {
			String[] cells = line.split(",");
			assertThat(cells[1]).isGreaterThan("2024-07-01");
			assertThat(Double.parseDouble(cells[2])).isBetween(0.0, 1.0);
		});
		assertThat(this.out.toString()).contains("Read 30 pools").contains("2 incidents").contains("Wrote ");
	}

	@Test
	void explainsBadInputAndExitsWithOne() throws IOException {
		Path missingColumns = this.folder.resolve("bad.csv");
		Files.writeString(missingColumns, "pool,date,apy\np,2025-01-01,1\n");
		assertThat(run("risk", "score-history", "--history", missingColumns.toString(), "--train-until", "2024-12-31",
				"--out", this.folder.resolve("s.csv").toString()))
			.isEqualTo(Commands.FAILED);
		assertThat(this.err.toString()).contains("lacks the column(s) timestamp, tvlUsd");
		Path empty = this.folder.resolve("empty.csv");
		Files.writeString(empty, "");
		assertThat(run("risk", "score-history", "--history", empty.toString(), "--train-until", "2024-12-31", "--out",
				this.folder.resolve("s.csv").toString()))
			.isEqualTo(Commands.FAILED);
		assertThat(this.err.toString()).contains("The file is empty");
		assertThat(Files.exists(this.folder.resolve("s.csv"))).as("nothing written").isFalse();
	}

	@Test
	void explainsWrongArgumentsAndExitsWithTwo() {
		assertThat(run("risk", "score-history", "--history", "h.csv", "--train-until", "31.12.2024", "--out", "s.csv"))
			.isEqualTo(Commands.USAGE);
		assertThat(this.err.toString()).contains("'31.12.2024' is not a date; write it as yyyy-mm-dd");
		assertThat(run("risk", "score-history", "--history", "h.csv")).isEqualTo(Commands.USAGE);
		assertThat(this.err.toString()).contains("Usage: risk score-history --history");
	}

	/**
	 * Too little matured before {@code --train-until} for a model: the early weeks get
	 * the cold-start heuristic, as the server serves it, and models take over once enough
	 * has matured; the report says which and how many.
	 */
	@Test
	void scoresTheWeeksTooEarlyForAModelWithTheHeuristicAndSaysSo() throws IOException {
		Path history = this.folder.resolve("history.csv");
		Files.writeString(history, SyntheticHistory.csv(30, 260, 9));
		Path scores = this.folder.resolve("scores.csv");
		int code = run("risk", "score-history", "--history", history.toString(), "--train-until", "2024-01-20", "--out",
				scores.toString());
		assertThat(code).as(this.err.toString()).isZero();
		String report = this.out.toString();
		assertThat(report).contains("No model as of 2024-01-20: Too little matured history")
			.contains("scored with the cold-start heuristic")
			.contains("Model as of ");
		long days = Files.readAllLines(scores).stream().skip(1).map((line) -> line.split(",")[1]).distinct().count();
		assertThat(days).as("every day after --train-until is scored").isGreaterThan(200);
		java.util.regex.Matcher heuristic = java.util.regex.Pattern.compile("(\\d+) of them are the cold-start")
			.matcher(report);
		assertThat(heuristic.find()).as(report).isTrue();
		assertThat(Long.parseLong(heuristic.group(1))).isPositive().isLessThan(Files.readAllLines(scores).size() - 1);
	}

	@Test
	void refusesAFolderAsTheOutputBeforeReadingAnything() throws IOException {
		Path history = this.folder.resolve("history.csv");
		Files.writeString(history, SyntheticHistory.csv(5, 40, 1));
		assertThat(run("risk", "score-history", "--history", history.toString(), "--train-until", "2024-01-20", "--out",
				this.folder.toString()))
			.isEqualTo(Commands.USAGE);
		assertThat(this.err.toString()).contains("is a folder; name the file to write");
		assertThat(this.out.toString()).doesNotContain("Read ");
	}

	private int run(String... args) {
		return Commands.run(YieldPilotApplication.class, args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

}
