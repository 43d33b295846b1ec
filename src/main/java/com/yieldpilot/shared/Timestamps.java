package com.yieldpilot.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The timestamps history files carry: ISO-8601 instants as DefiLlama writes them
 * ({@code 2024-01-01T00:04:17.512Z}, or with an offset), dates ({@code 2024-01-01}, at
 * midnight UTC), date-times without an offset, with a space or a {@code T}
 * ({@code 2024-01-01 00:00:00}, taken as UTC, as spreadsheets and pandas write them), and
 * Unix time in seconds (milliseconds from 10^11 on, which as seconds would lie in the
 * year 5138).
 */
public final class Timestamps {

	private static final Pattern UNIX = Pattern.compile("\\d{1,15}(\\.\\d{1,9})?");

	private static final BigDecimal MILLIS_FROM = new BigDecimal("100000000000");

	private Timestamps() {
	}

	public static Optional<Instant> parse(String text) {
		String t = text.trim();
		if (t.isEmpty()) {
			return Optional.empty();
		}
		if (UNIX.matcher(t).matches()) {
			BigDecimal number = new BigDecimal(t);
			BigDecimal millis = (number.compareTo(MILLIS_FROM) >= 0) ? number : number.movePointRight(3);
			return Optional.of(Instant.ofEpochMilli(millis.longValue()));
		}
		String iso = (t.length() > 10 && t.charAt(10) == ' ') ? t.substring(0, 10) + 'T' + t.substring(11) : t;
		try {
			return Optional.of(Instant.parse(iso));
		}
		catch (DateTimeParseException ex) {
			// not an instant with Z or an offset; try the other shapes
		}
		try {
			return Optional.of(OffsetDateTime.parse(iso).toInstant());
		}
		catch (DateTimeParseException ex) {
			// no offset
		}
		try {
			return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
		}
		catch (DateTimeParseException ex) {
			// no time
		}
		try {
			return Optional.of(LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant());
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
