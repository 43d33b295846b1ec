package com.yieldpilot.market.internal.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.yieldpilot.market.HistoryImportReport;
import com.yieldpilot.market.UnknownPoolException;
import com.yieldpilot.platform.Command;
import com.yieldpilot.platform.Commands;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * {@code import-history --pool <id> --file <path>}: loads a pool's history from a file in
 * DefiLlama's chart shape (CSV or JSON, optionally gzip-compressed) and prints what was
 * read, stored and skipped. Exits with 0 when the file was imported, 1 when it was not
 * (errors in the file, an unknown pool, an unreadable file), 2 when the arguments are
 * wrong.
 */
@Component
class HistoryImportCommand implements Command {

	private final HistoryImport historyImport;

	HistoryImportCommand(HistoryImport historyImport) {
		this.historyImport = historyImport;
	}

	@Override
	public String name() {
		return "import-history";
	}

	@Override
	public String usage() {
		return "--pool <pool id, e.g. aave-v3:base:USDC> --file <chart.csv | chart.json, optionally .gz>";
	}

	@Override
	public int run(List<String> arguments, PrintStream out, PrintStream err) {
		String pool = option(arguments, "--pool");
		String file = option(arguments, "--file");
		if (pool == null || file == null || pool.isBlank() || file.isBlank()) {
			err.println("Usage: " + name() + " " + usage());
			return Commands.USAGE;
		}
		Path path = Path.of(file);
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			err.println("Cannot read the file " + path.toAbsolutePath() + ": it does not exist or is not readable.");
			return Commands.FAILED;
		}
		HistoryImportReport report;
		try (InputStream content = Files.newInputStream(path)) {
			report = this.historyImport.importFile(pool, path.getFileName().toString(), content, null);
		}
		catch (UnknownPoolException ex) {
			err.println(ex.getMessage());
			return Commands.FAILED;
		}
		catch (IOException ex) {
			err.println("Cannot read the file " + path.toAbsolutePath() + ": " + ex.getMessage());
			return Commands.FAILED;
		}
		report.lines().forEach(report.imported() ? out::println : err::println);
		return report.imported() ? 0 : Commands.FAILED;
	}

	/** The value of {@code --name value} or {@code --name=value}. */
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
