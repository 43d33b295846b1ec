package com.yieldpilot.rules.lang;

import java.time.Duration;
import java.util.Optional;

/**
 * Durations as rules write them: a whole number and one unit, {@code 30s}, {@code 30m},
 * {@code 2h}, {@code 7d} (and {@code 1w}, printed as {@code 7d}), up to 366 days.
 */
public final class Durations {

	/** The longest duration a rule may write. */
	public static final Duration MAX = Duration.ofDays(366);

	private Durations() {
	}

	/** The duration of a literal such as {@code 2h}, or empty if it is none. */
	public static Optional<Duration> parse(String text) {
		if (text.length() < 2 || text.length() > 12) {
			return Optional.empty();
		}
		long amount;
		try {
			amount = Long.parseLong(text.substring(0, text.length() - 1));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		return switch (text.charAt(text.length() - 1)) {
			case 's' -> Optional.of(Duration.ofSeconds(amount));
			case 'm' -> Optional.of(Duration.ofMinutes(amount));
			case 'h' -> Optional.of(Duration.ofHours(amount));
			case 'd' -> Optional.of(Duration.ofDays(amount));
			case 'w' -> Optional.of(Duration.ofDays(7 * amount));
			default -> Optional.empty();
		};
	}

	/** What is wrong with the duration, or empty when a rule may hold it. */
	public static Optional<String> problem(Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			return Optional.of("a duration must be longer than zero");
		}
		if (duration.getNano() != 0) {
			return Optional.of("a duration is a whole number of seconds");
		}
		if (duration.compareTo(MAX) > 0) {
			return Optional.of("a duration can be at most 366d");
		}
		return Optional.empty();
	}

	static Duration require(Duration duration) {
		problem(duration).ifPresent(p -> {
			throw new IllegalArgumentException(p + ": " + duration);
		});
		return duration;
	}

	/**
	 * The largest whole unit, days from two days on: {@code 2h}, not {@code 120m};
	 * {@code 24h}, {@code 7d}, not {@code 1w}.
	 */
	public static String format(Duration duration) {
		long seconds = duration.getSeconds();
		if (seconds % 86_400 == 0 && seconds >= 2 * 86_400) {
			return seconds / 86_400 + "d";
		}
		if (seconds % 3_600 == 0) {
			return seconds / 3_600 + "h";
		}
		if (seconds % 60 == 0) {
			return seconds / 60 + "m";
		}
		return seconds + "s";
	}

}
