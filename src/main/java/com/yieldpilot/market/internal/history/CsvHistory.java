package com.yieldpilot.market.internal.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * History as CSV (RFC 4180, UTF-8): a header row naming the columns as DefiLlama's chart
 * does ({@code timestamp}, {@code tvlUsd}, {@code apy}, {@code apyBase},
 * {@code apyReward}; any case, any order, others ignored), then one row per point. An
 * optional {@code pool} column must hold one value throughout.
 */
final class CsvHistory {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		// empty lines become records of one empty field, so line numbers stay right
		.setIgnoreEmptyLines(false)
		.setTrim(true)
		.get();

	private CsvHistory() {
	}

	static void read(InputStream body, HistoryRows rows) {
		try (CSVParser parser = CSVParser.parse(new InputStreamReader(body, StandardCharsets.UTF_8), FORMAT)) {
			Iterator<CSVRecord> records = parser.iterator();
			Columns columns = null;
			while (!rows.full()) {
				int line = (int) parser.getCurrentLineNumber() + 1;
				if (!records.hasNext()) {
					break;
				}
				CSVRecord record = records.next();
				if (record.size() == 1 && record.get(0).isEmpty()) {
					continue;
				}
				if (columns == null) {
					columns = Columns.of(record, line);
				}
				else if (record.size() != columns.size()) {
					rows.invalid(line, "has " + record.size() + " fields where the header has " + columns.size());
				}
				else {
					rows.add(line, columns.row(record));
				}
			}
			if (columns == null) {
				throw new HistoryFileException(0,
						"The file is empty: a CSV file starts with a header such as timestamp,tvlUsd,apy,apyBase,apyReward");
			}
		}
		catch (UncheckedIOException ex) {
			throw unreadable(ex.getCause());
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
	}

	private static HistoryFileException unreadable(IOException ex) {
		if (ex instanceof LimitedInputStream.FileTooLargeException) {
			return new HistoryFileException(0, ex.getMessage());
		}
		return new HistoryFileException(0, "The file is not valid CSV: " + ex.getMessage());
	}

	/** Where each known column is; -1 when absent. */
	private record Columns(int size, int timestamp, int pool, int tvlUsd, int apy, int apyBase, int apyReward) {

		static Columns of(CSVRecord header, int line) {
			int timestamp = -1;
			int pool = -1;
			int tvlUsd = -1;
			int apy = -1;
			int apyBase = -1;
			int apyReward = -1;
			for (int i = 0; i < header.size(); i++) {
				// a byte order mark, as spreadsheets write one, is not part of the name
				String name = header.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
				switch (name) {
					case "timestamp" -> timestamp = i;
					case "pool" -> pool = i;
					case "tvlusd" -> tvlUsd = i;
					case "apy" -> apy = i;
					case "apybase" -> apyBase = i;
					case "apyreward" -> apyReward = i;
					default -> {
						// other columns (il7d, apyBase7d, ...) are ignored
					}
				}
			}
			if (timestamp < 0 || (tvlUsd < 0 && apy < 0 && apyBase < 0 && apyReward < 0)) {
				throw new HistoryFileException(line,
						"The header names no timestamp column or no value column: "
								+ "expected timestamp and some of tvlUsd, apy, apyBase, apyReward, e.g. "
								+ "timestamp,tvlUsd,apy,apyBase,apyReward");
			}
			return new Columns(header.size(), timestamp, pool, tvlUsd, apy, apyBase, apyReward);
		}

		RawRow row(CSVRecord record) {
			return new RawRow(get(record, this.timestamp), get(record, this.pool), get(record, this.tvlUsd),
					get(record, this.apy), get(record, this.apyBase), get(record, this.apyReward));
		}

		private static @Nullable String get(CSVRecord record, int index) {
			return (index >= 0) ? record.get(index) : null;
		}

	}

}
