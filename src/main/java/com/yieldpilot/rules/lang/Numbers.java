package com.yieldpilot.rules.lang;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The numbers a rule may hold: decimal, never negative (a minus sign is an operator),
 * below a quadrillion and with at most 12 decimals. Kept in one normal form so that equal
 * numbers make equal trees: {@code 50000}, {@code 50,000} and {@code 5E+4} are one value.
 */
public final class Numbers {

	/** Numbers must stay below this. */
	public static final BigDecimal LIMIT = new BigDecimal("1e15");

	/** The most digits after the decimal point. */
	public static final int MAX_DECIMALS = 12;

	private Numbers() {
	}

	/** The value without trailing zeros, so that equal values are equal records. */
	public static BigDecimal normal(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	/** What is wrong with the value, or empty when a rule may hold it. */
	public static Optional<String> problem(BigDecimal value) {
		BigDecimal normal = normal(value);
		if (normal.signum() < 0) {
			return Optional.of("a number here cannot be negative");
		}
		if (normal.compareTo(LIMIT) >= 0) {
			return Optional.of("the number is too large: numbers stay below 1,000,000,000,000,000");
		}
		if (normal.scale() > MAX_DECIMALS) {
			return Optional.of("the number has more than " + MAX_DECIMALS + " decimals");
		}
		return Optional.empty();
	}

	static BigDecimal require(BigDecimal value) {
		problem(value).ifPresent(p -> {
			throw new IllegalArgumentException(p + ": " + value.toPlainString());
		});
		return normal(value);
	}

	/** Plain digits, no exponent, no trailing zeros: {@code 50000}, {@code 0.4}. */
	public static String plain(BigDecimal value) {
		return normal(value).toPlainString();
	}

	/**
	 * A dollar amount as farmers write it: {@code $50k}, {@code $1.5M}, {@code $2B}, and
	 * plain digits ({@code $1234500}, {@code $250}) when no suffix reads with at most two
	 * decimals.
	 */
	public static String dollars(BigDecimal value) {
		String[] suffixes = { "B", "M", "k" };
		int[] powers = { 9, 6, 3 };
		BigDecimal thousand = BigDecimal.valueOf(1000);
		for (int i = 0; i < suffixes.length; i++) {
			BigDecimal scaled = normal(value.movePointLeft(powers[i]));
			boolean inRange = scaled.compareTo(BigDecimal.ONE) >= 0 && (i == 0 || scaled.compareTo(thousand) < 0);
			if (inRange && scaled.scale() <= 2) {
				return "$" + scaled.toPlainString() + suffixes[i];
			}
		}
		return "$" + plain(value);
	}

}
