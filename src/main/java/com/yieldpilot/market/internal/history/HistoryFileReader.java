package com.yieldpilot.market.internal.history;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.springframework.stereotype.Component;

/**
 * Reads a history file in DefiLlama's chart shape, as CSV ({@link CsvHistory}) or JSON
 * ({@link JsonHistory}), told apart by the name ({@code .csv}, {@code .json}) or else by
 * the first character; gzip-compressed files ({@code .gz}) are unpacked on the fly.
 * Problems are reported by line, never thrown.
 */
@Component
class HistoryFileReader {

	/** Unpacked files larger than this are refused. */
	static final long MAX_BYTES = 256L << 20;

	/** Clocks differ a little: rows up to this far ahead are not in the future. */
	private static final Duration CLOCK_SLACK = Duration.ofHours(1);

	private final Clock clock;

	HistoryFileReader(Clock clock) {
		this.clock = clock;
	}

	ParsedHistory read(String fileName, InputStream content) {
		HistoryRows rows = new HistoryRows(this.clock.instant().plus(CLOCK_SLACK));
		String format = "CSV";
		try {
			InputStream body = new BufferedInputStream(
					new LimitedInputStream(unpacked(new BufferedInputStream(content)), MAX_BYTES));
			format = json(fileName, body) ? "JSON" : "CSV";
			if (format.equals("JSON")) {
				JsonHistory.read(body, rows);
			}
			else {
				CsvHistory.read(body, rows);
			}
		}
		catch (HistoryFileException ex) {
			rows.fatal(ex.line(), ex.getMessage());
		}
		catch (IOException ex) {
			rows.fatal(0, (ex instanceof LimitedInputStream.FileTooLargeException) ? ex.getMessage()
					: "The file could not be read: " + ex.getMessage());
		}
		return rows.finish(format);
	}

	private static InputStream unpacked(BufferedInputStream in) throws IOException {
		in.mark(2);
		int first = in.read();
		int second = in.read();
		in.reset();
		boolean gzip = first == 0x1f && second == 0x8b;
		return gzip ? new GZIPInputStream(in, 64 * 1024) : in;
	}

	private static boolean json(String fileName, InputStream body) throws IOException {
		String name = fileName.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
		if (name.endsWith(".json")) {
			return true;
		}
		if (name.endsWith(".csv")) {
			return false;
		}
		body.mark(4096);
		try {
			int c;
			int seen = 0;
			while ((c = body.read()) >= 0 && seen++ < 4096) {
				// a UTF-8 byte order mark (EF BB BF) and white space come before
				// the content
				if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) {
					return c == '{' || c == '[';
				}
			}
			return false;
		}
		finally {
			body.reset();
		}
	}

}
