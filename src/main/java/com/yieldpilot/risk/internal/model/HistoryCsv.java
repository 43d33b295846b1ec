package com.yieldpilot.risk.internal.model;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.yieldpilot.shared.Timestamps;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads pool histories from CSV in DefiLlama's chart shape with a pool column:
 * {@code pool,timestamp,tvlUsd,apy,apyBase,apyReward} (any case, any order, other columns
 * ignored; {@code apyBase} and {@code apyReward} may be absent; a UTF-8 byte order mark,
 * as spreadsheets write it, is ignored). Timestamps take every shape {@link Timestamps}
 * reads (ISO-8601 with or without an offset, with a {@code T} or a space as pandas writes
 * them, dates, Unix seconds or milliseconds); empty, {@code null} and {@code NaN} are
 * missing values. Rows are kept per UTC day, the latest row of a day winning. Problems
 * are collected and reported together, each with its line, so one run shows what to fix.
 */
public final class HistoryCsv {

	static final List<String> REQUIRED = List.of("pool", "timestamp", "tvlUsd", "apy");

	static final List<String> OPTIONAL = List.of("apyBase", "apyReward");

	private static final int MAX_PROBLEMS = 20;

	private HistoryCsv() {
	}

	/** Every pool's history, ordered by pool id. */
	public static List<PoolHistory> read(Reader reader) throws IOException {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setTrim(true)
			.setIgnoreEmptyLines(true)
			.get();
		List<String> problems = new ArrayList<>();
		Map<String, PoolHistory.Builder> pools = new TreeMap<>();
		try (CSVParser parser = CSVParser.parse(reader, format)) {
			Map<String, Integer> columns = columns(parser.getHeaderNames());
			List<String> missing = REQUIRED.stream()
				.filter(c -> !columns.containsKey(c.toLowerCase(Locale.ROOT)))
				.toList();
			if (parser.getHeaderNames().isEmpty()) {
				throw new HistoryFormatException(List.of("The file is empty: it needs the header "
						+ "pool,timestamp,tvlUsd,apy,apyBase,apyReward and one row per pool and day."));
			}
			if (!missing.isEmpty()) {
				throw new HistoryFormatException(List.of("The header lacks the column(s) " + String.join(", ", missing)
						+ ". Found: " + String.join(",", parser.getHeaderNames())
						+ ". Expected: pool,timestamp,tvlUsd,apy,apyBase,apyReward."));
			}
			for (CSVRecord row : parser) {
				if (problems.size() >= MAX_PROBLEMS) {
					problems.add("… stopped after " + MAX_PROBLEMS + " problems.");
					break;
				}
				readRow(row, columns, pools, problems);
			}
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new HistoryFormatException(List.of("The file is not valid CSV: " + ex.getMessage()));
		}
		catch (java.io.UncheckedIOException ex) {
			throw ex.getCause();
		}
		if (!problems.isEmpty()) {
			throw new HistoryFormatException(problems);
		}
		if (pools.isEmpty()) {
			throw new HistoryFormatException(List.of("The file has a header but no rows."));
		}
		return pools.values().stream().map(PoolHistory.Builder::build).toList();
	}

	private static Map<String, Integer> columns(List<String> header) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		for (int i = 0; i < header.size(); i++) {
			columns.putIfAbsent(header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), i);
		}
		return columns;
	}

	private static void readRow(CSVRecord row, Map<String, Integer> columns, Map<String, PoolHistory.Builder> pools,
			List<String> problems) {
		long line = row.getParser().getCurrentLineNumber();
		String pool = cell(row, columns, "pool");
		String timestamp = cell(row, columns, "timestamp");
		if (pool == null || pool.isEmpty()) {
			problems.add("line " + line + ": the pool is empty.");
			return;
		}
		if (timestamp == null || timestamp.isEmpty()) {
			problems.add("line " + line + ": the timestamp is empty.");
			return;
		}
		Instant at = Timestamps.parse(timestamp).orElse(null);
		if (at == null) {
			problems.add("line " + line + ": '" + abbreviate(timestamp) + "' is not a date. Use ISO-8601 "
					+ "(2025-01-31T23:59:00Z, 2025-01-31 23:59:00 or 2025-01-31) or Unix seconds.");
			return;
		}
		double[] values = new double[4];
		String[] names = { "tvlUsd", "apy", "apyBase", "apyReward" };
		for (int k = 0; k < names.length; k++) {
			String text = cell(row, columns, names[k]);
			Double value = number(text);
			if (value == null) {
				problems.add("line " + line + ": " + names[k] + " '" + abbreviate(text) + "' is not a number.");
				return;
			}
			values[k] = value;
		}
		pools.computeIfAbsent(pool, PoolHistory.Builder::new)
			.add(at, timestamp, values[0], values[1], values[2], values[3]);
	}

	private static @Nullable String cell(CSVRecord row, Map<String, Integer> columns, String name) {
		Integer index = columns.get(name.toLowerCase(Locale.ROOT));
		if (index == null || index >= row.size()) {
			return null;
		}
		return row.get(index).strip();
	}

	/**
	 * The number, {@code NaN} for a missing value, or null when the text is not a number.
	 */
	private static @Nullable Double number(@Nullable String text) {
		if (text == null || text.isEmpty() || text.equalsIgnoreCase("null") || text.equalsIgnoreCase("nan")
				|| text.equalsIgnoreCase("none")) {
			return Double.NaN;
		}
		try {
			double value = Double.parseDouble(text);
			return Double.isInfinite(value) ? null : value;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String abbreviate(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
