package com.yieldpilot.market.internal.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.yieldpilot.market.HistoryImportReport;
import com.yieldpilot.market.HistoryImportReport.Problem;
import com.yieldpilot.market.internal.defillama.RecordChecks;
import com.yieldpilot.shared.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * Checks the rows of one history file as they are read and sorts them into accepted,
 * skipped and in error.
 * <ul>
 * <li>Errors, which stop the whole import: a timestamp that is missing, unreadable,
 * before 2015 or in the future; a value that is not a number; a {@code pool} that differs
 * from the file's first; a row with the wrong number of fields.</li>
 * <li>Skipped rows, as the live DefiLlama source skips them: no value at all, a negative
 * TVL, an APY outside [-100, 100000] %, a timestamp repeated from an earlier row.</li>
 * </ul>
 * Empty values, JSON {@code null} and {@code NaN} (what pandas and Python write for a
 * missing value) mean absent.
 */
final class HistoryRows {

	/**
	 * Files with more rows are refused (they are held in memory): a pool's daily history
	 * has about a thousand, hourly history for twenty years fits.
	 */
	static final int MAX_ROWS = 200_000;

	/** Nothing on-chain that DeFi history could describe happened before this. */
	static final Instant EARLIEST = Instant.parse("2015-01-01T00:00:00Z");

	private static final int MAX_ECHO = 40;

	private final Instant latest;

	private final List<HistoryRow> accepted = new ArrayList<>();

	private final List<Problem> skipped = new ArrayList<>();

	private final List<Problem> errors = new ArrayList<>();

	private final Map<Instant, Integer> linesByTime = new HashMap<>();

	private int read;

	private int skippedCount;

	private int errorCount;

	private @Nullable String pool;

	private int poolLine;

	/**
	 * @param latest rows after this lie in the future
	 */
	HistoryRows(Instant latest) {
		this.latest = latest;
	}

	/** Whether the file had too many rows, so reading may stop. */
	boolean full() {
		return this.read > MAX_ROWS;
	}

	/** A row that could not be read as fields at all. */
	void invalid(int line, String reason) {
		this.read++;
		error(line, reason);
	}

	/** A problem with the file as a whole; line 0 when unknown. */
	void fatal(int line, String reason) {
		error(line, reason);
	}

	void add(int line, RawRow raw) {
		this.read++;
		if (this.read > MAX_ROWS) {
			fatal(line, "The file has more than " + String.format(Locale.ROOT, "%,d", MAX_ROWS)
					+ " rows: split it into several files");
			return;
		}
		List<String> problems = new ArrayList<>(2);
		Instant at = timestamp(raw.timestamp(), problems);
		Double tvl = number("tvlUsd", raw.tvlUsd(), problems);
		Double apy = number("apy", raw.apy(), problems);
		Double apyBase = number("apyBase", raw.apyBase(), problems);
		Double apyReward = number("apyReward", raw.apyReward(), problems);
		checkPool(line, raw.pool(), problems);
		if (!problems.isEmpty() || at == null) {
			error(line, String.join("; ", problems));
			return;
		}
		HistoryRow row = new HistoryRow(at, tvl, apy, apyBase, apyReward);
		List<String> implausible = new ArrayList<>(2);
		if (row.empty()) {
			implausible.add("no tvlUsd, apy, apyBase or apyReward");
		}
		RecordChecks.requireNotNegative("tvlUsd", tvl, implausible);
		RecordChecks.requirePlausibleApy("apy", apy, implausible);
		RecordChecks.requirePlausibleApy("apyBase", apyBase, implausible);
		RecordChecks.requirePlausibleApy("apyReward", apyReward, implausible);
		Integer earlier = this.linesByTime.putIfAbsent(at, line);
		if (earlier != null) {
			implausible.add("same timestamp as line " + earlier);
		}
		if (!implausible.isEmpty()) {
			this.skippedCount++;
			keep(this.skipped, new Problem(line, RecordChecks.describe(implausible)));
			return;
		}
		this.accepted.add(row);
	}

	ParsedHistory finish(String format) {
		return new ParsedHistory(format, this.read, this.accepted, this.skipped, this.skippedCount, this.errors,
				this.errorCount);
	}

	private void error(int line, String reason) {
		this.errorCount++;
		keep(this.errors, new Problem(line, reason));
	}

	private static void keep(List<Problem> problems, Problem problem) {
		if (problems.size() < HistoryImportReport.MAX_LISTED) {
			problems.add(problem);
		}
	}

	private @Nullable Instant timestamp(@Nullable String text, List<String> problems) {
		if (text == null || text.isBlank()) {
			problems.add("timestamp is missing");
			return null;
		}
		Instant at = Timestamps.parse(text).orElse(null);
		if (at == null) {
			problems.add("timestamp is not a date or time: " + echo(text)
					+ " (use ISO-8601 such as 2024-01-01T00:00:00Z, or Unix seconds)");
		}
		else if (at.isBefore(EARLIEST)) {
			problems.add("timestamp " + at + " lies before 2015, earlier than any DeFi pool");
			return null;
		}
		else if (at.isAfter(this.latest)) {
			problems.add("timestamp " + at + " lies in the future");
			return null;
		}
		return at;
	}

	private static @Nullable Double number(String field, @Nullable String text, List<String> problems) {
		if (text == null) {
			return null;
		}
		String trimmed = text.trim();
		if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("nan")) {
			return null;
		}
		try {
			double value = (trimmed.length() <= 64) ? new BigDecimal(trimmed).doubleValue() : Double.NaN;
			if (Double.isFinite(value)) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(field + " is not a number: " + echo(trimmed));
		return null;
	}

	private void checkPool(int line, @Nullable String text, List<String> problems) {
		if (text == null || text.isBlank()) {
			return;
		}
		String pool = text.trim();
		if (this.pool == null) {
			this.pool = pool;
			this.poolLine = line;
		}
		else if (!this.pool.equalsIgnoreCase(pool)) {
			problems.add("pool " + echo(pool) + " differs from " + echo(this.pool) + " on line " + this.poolLine
					+ ": a file holds the history of one pool");
		}
	}

	/** Untrusted text, shortened and quoted for a message. */
	static String echo(String text) {
		String shown = (text.length() > MAX_ECHO) ? text.substring(0, MAX_ECHO) + "…" : text;
		return '"' + shown.replaceAll("\\p{Cntrl}", "?") + '"';
	}

}
