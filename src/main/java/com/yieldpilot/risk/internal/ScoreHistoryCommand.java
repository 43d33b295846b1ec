package com.yieldpilot.risk.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import com.yieldpilot.platform.Commands;
import com.yieldpilot.platform.StandaloneCommand;
import com.yieldpilot.risk.internal.model.FeatureBuilder;
import com.yieldpilot.risk.internal.model.FeatureTable;
import com.yieldpilot.risk.internal.model.HistoryCsv;
import com.yieldpilot.risk.internal.model.HistoryFormatException;
import com.yieldpilot.risk.internal.model.Hyperparameters;
import com.yieldpilot.risk.internal.model.Incident;
import com.yieldpilot.risk.internal.model.IncidentList;
import com.yieldpilot.risk.internal.model.NotEnoughDataException;
import com.yieldpilot.risk.internal.model.PoolHistory;
import com.yieldpilot.risk.internal.model.RiskModel;
import com.yieldpilot.risk.internal.model.WalkForward;
import com.yieldpilot.risk.internal.model.WalkForward.ScoredRow;
import org.jspecify.annotations.Nullable;

/**
 * {@code risk score-history --history <csv> --train-until <yyyy-mm-dd> --out <csv> [--incidents <json>]}:
 * trains on the history up to the given day, then scores every later pool-day walking
 * forward (weekly retraining on matured outcomes), and writes
 * {@code pool,timestamp,score}. Weeks too early to train a model are scored with the
 * cold-start heuristic, as the server does, and the report says how many. Runs without
 * database or server. Exits with 0 when the scores were written, 1 when the input cannot
 * be used (each problem named), 2 for wrong arguments.
 */
public final class ScoreHistoryCommand implements StandaloneCommand {

	@Override
	public String name() {
		return "risk";
	}

	@Override
	public String usage() {
		return "score-history --history <history.csv[.gz]> --train-until <yyyy-mm-dd> --out <scores.csv> "
				+ "[--incidents <DeFiHackLabs incidents.json>]";
	}

	@Override
	public int run(List<String> arguments, PrintStream out, PrintStream err) {
		if (arguments.isEmpty() || !arguments.get(0).equals("score-history")) {
			err.println("Usage: risk " + usage());
			return Commands.USAGE;
		}
		String history = option(arguments, "--history");
		String trainUntilText = option(arguments, "--train-until");
		String output = option(arguments, "--out");
		String incidentsFile = option(arguments, "--incidents");
		if (history == null || trainUntilText == null || output == null) {
			err.println("Usage: risk " + usage());
			return Commands.USAGE;
		}
		LocalDate trainUntil;
		try {
			trainUntil = LocalDate.parse(trainUntilText);
		}
		catch (DateTimeParseException ex) {
			err.println(
					"--train-until '" + trainUntilText + "' is not a date; write it as yyyy-mm-dd, e.g. 2024-12-31.");
			return Commands.USAGE;
		}
		long started = System.nanoTime();
		Path target = Path.of(output).toAbsolutePath();
		if (Files.isDirectory(target)) {
			err.println(
					"--out " + output + " is a folder; name the file to write, e.g. " + target.resolve("scores.csv"));
			return Commands.USAGE;
		}
		try {
			// before the walk, not after minutes of it
			prepareOutput(target);
			List<PoolHistory> pools = readHistory(Path.of(history));
			List<Incident> incidents = (incidentsFile != null) ? readIncidents(Path.of(incidentsFile)) : List.of();
			FeatureTable table = FeatureBuilder.build(pools, incidents);
			out.printf(Locale.ROOT, "Read %d pools, %d scorable pool-days, %d incidents.%n", pools.size(), table.size(),
					incidents.size());
			List<ScoredRow> scores = WalkForward.score(table, trainUntil, Hyperparameters.DEFAULTS,
					new WalkForward.Progress() {
						@Override
						public void accept(RiskModel model) {
							report(model, out);
						}

						@Override
						public void untrainable(long asOf, NotEnoughDataException why) {
							out.printf(Locale.ROOT,
									"No model as of %s: %s The week after it is scored with the "
											+ "cold-start heuristic, as the server serves it before its first model.%n",
									LocalDate.ofEpochDay(asOf), why.getMessage());
						}
					});
			write(target, table, scores);
			long heuristic = scores.stream().filter(ScoredRow::heuristic).count();
			out.printf(Locale.ROOT, "Wrote %d scores after %s to %s in %s.%n", scores.size(), trainUntil, output,
					Duration.ofNanos(System.nanoTime() - started).withNanos(0));
			if (heuristic > 0) {
				out.printf(Locale.ROOT,
						"%d of them are the cold-start heuristic's (documented in Heuristic; too little matured "
								+ "history for a model then): give a longer history before --train-until to have "
								+ "models score every day.%n",
						heuristic);
			}
			return 0;
		}
		catch (HistoryFormatException ex) {
			ex.problems().forEach(err::println);
			return Commands.FAILED;
		}
		catch (IOException ex) {
			err.println("Cannot read or write a file: " + ex.getMessage());
			return Commands.FAILED;
		}
	}

	private static List<PoolHistory> readHistory(Path path) throws IOException {
		if (!Files.isRegularFile(path)) {
			throw new HistoryFormatException(List
				.of("Cannot read the history " + path.toAbsolutePath() + ": it does not exist or is not a file."));
		}
		try (InputStream input = open(path); Reader reader = new InputStreamReader(input, StandardCharsets.UTF_8)) {
			return HistoryCsv.read(reader);
		}
	}

	private static List<Incident> readIncidents(Path path) throws IOException {
		if (!Files.isRegularFile(path)) {
			throw new HistoryFormatException(List.of("Cannot read the incident list " + path.toAbsolutePath()
					+ ": it does not exist or is not a file."));
		}
		try (InputStream input = open(path)) {
			return IncidentList.read(input);
		}
	}

	private static InputStream open(Path path) throws IOException {
		InputStream input = Files.newInputStream(path);
		return path.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(input, 1 << 16) : input;
	}

	private static void report(RiskModel model, PrintStream out) {
		RiskModel.TrainingSummary summary = model.summary();
		out.printf(Locale.ROOT,
				"Model as of %s: trees on %d pool-days (%s..%s), calibrated on %d (%s..%s): AUC %.3f, ECE %.3f, base rate %.3f%n",
				LocalDate.ofEpochDay(summary.asOf()), summary.trainRows(), LocalDate.ofEpochDay(summary.trainFrom()),
				LocalDate.ofEpochDay(summary.trainTo()), summary.calibrationRows(),
				LocalDate.ofEpochDay(summary.calibrateFrom()), LocalDate.ofEpochDay(summary.calibrateTo()),
				summary.calibrationMetrics().auc(), summary.calibrationMetrics().ece(),
				summary.calibrationMetrics().baseRate());
		model.level()
			.ifPresent((level) -> out.printf(Locale.ROOT,
					"  scores follow the market's early adverse rate from %.3f on the calibration slice%n",
					1 / (1 + Math.exp(-level.reference()))));
	}

	/** Creates the output's folder and checks that a file can be written there. */
	private static void prepareOutput(Path path) throws IOException {
		Path parent = path.getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Path probe = Files.createTempFile(parent, ".scores-", ".tmp");
		Files.delete(probe);
	}

	/**
	 * Writes the scores to a file beside the output and moves it in place once complete,
	 * so a failure midway (a full disk) leaves an earlier output as it was.
	 */
	private static void write(Path path, FeatureTable table, List<ScoredRow> scores) throws IOException {
		Path partial = Files.createTempFile(path.getParent(), ".scores-", ".tmp");
		try {
			writeScores(partial, table, scores);
			Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	private static void writeScores(Path path, FeatureTable table, List<ScoredRow> scores) throws IOException {
		try (BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
			writer.write("pool,timestamp,score\n");
			for (ScoredRow scored : scores) {
				PoolHistory history = table.history(scored.row());
				String timestamp = history.timestamp(table.day(scored.row()));
				writer.write(csv(history.pool()) + "," + csv(String.valueOf(timestamp)) + ","
						+ String.format(Locale.ROOT, "%.6f", scored.score()) + "\n");
			}
		}
	}

	private static String csv(String value) {
		if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

	private static @Nullable String option(List<String> arguments, String name) {
		for (int i = 0; i < arguments.size(); i++) {
			String argument = arguments.get(i);
			if (argument.equals(name) && i + 1 < arguments.size()) {
				return arguments.get(i + 1);
			}
			if (argument.startsWith(name + "=")) {
				return argument.substring(name.length() + 1);
			}
		}
		return null;
	}

}
