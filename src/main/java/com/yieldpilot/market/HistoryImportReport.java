package com.yieldpilot.market;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * What an import of a history file did. A file with any row that cannot be read imports
 * nothing (the errors say what to fix); rows that can be read but are implausible
 * (outliers, negative TVL, repeated timestamps) are skipped and reported.
 *
 * @param pool the pool the history belongs to
 * @param fileName the file's name, as given
 * @param format {@code CSV} or {@code JSON}
 * @param imported whether the file was stored; false when it had errors
 * @param rowsRead rows (CSV lines or JSON elements) found after the header
 * @param rowsAccepted rows that were neither skipped nor in error
 * @param samplesStored values stored that were not stored before
 * @param samplesAlreadyStored values of accepted rows that were stored before (a re-run)
 * @param skipped the first skipped rows, with reasons
 * @param skippedCount all skipped rows
 * @param errors the first rows (or file-wide problems, line 0 when unknown) that stopped
 * the import
 * @param errorCount all of them
 * @param firstAt the oldest accepted row's time
 * @param lastAt the newest accepted row's time
 */
public record HistoryImportReport(PoolId pool, String fileName, String format, boolean imported, int rowsRead,
		int rowsAccepted, int samplesStored, int samplesAlreadyStored, List<Problem> skipped, int skippedCount,
		List<Problem> errors, int errorCount, @Nullable Instant firstAt, @Nullable Instant lastAt) {

	/** How many skipped rows and errors a report lists in detail. */
	public static final int MAX_LISTED = 100;

	/** A row that was skipped or stopped the import, by its line in the file (from 1). */
	public record Problem(int line, String reason) {

		public Problem {
			Objects.requireNonNull(reason, "reason");
		}

		@Override
		public String toString() {
			return (this.line > 0) ? "line " + this.line + ": " + this.reason : this.reason;
		}

	}

	public HistoryImportReport {
		Objects.requireNonNull(pool, "pool");
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(format, "format");
		skipped = List.copyOf(skipped);
		errors = List.copyOf(errors);
	}

	/** The report in words, one fact per line, as the command prints it. */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		if (this.imported) {
			lines.add("Imported the history of " + this.pool + " from " + this.fileName + " (" + this.format + ")"
					+ ((this.firstAt != null) ? ", " + this.firstAt + " to " + this.lastAt : ""));
		}
		else {
			lines.add("Nothing was imported into " + this.pool + ": " + this.fileName + " has " + this.errorCount
					+ ((this.errorCount == 1) ? " error" : " errors") + ". Fix "
					+ ((this.errorCount == 1) ? "it" : "them") + " and run the import again.");
		}
		lines.add(String.format(Locale.ROOT, "  rows read:      %,d", this.rowsRead));
		lines.add(String.format(Locale.ROOT, "  rows accepted:  %,d", this.rowsAccepted));
		lines.add(String.format(Locale.ROOT, "  rows skipped:   %,d", this.skippedCount));
		if (this.imported) {
			lines.add(String.format(Locale.ROOT, "  values stored:  %,d new, %,d already stored", this.samplesStored,
					this.samplesAlreadyStored));
		}
		else {
			lines.add(String.format(Locale.ROOT, "  rows in error:  %,d", this.errorCount));
		}
		list(lines, "Errors", this.errors, this.errorCount);
		list(lines, "Skipped", this.skipped, this.skippedCount);
		return lines;
	}

	private static void list(List<String> lines, String title, List<Problem> problems, int count) {
		if (problems.isEmpty()) {
			return;
		}
		lines.add(title + ((count > problems.size()) ? " (the first " + problems.size() + " of " + count + ")" : "")
				+ ":");
		problems.forEach(problem -> lines.add("  " + problem));
	}

}
