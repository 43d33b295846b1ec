package com.yieldpilot.vault.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;

/**
 * How the vault screens write amounts and periods. NumberFormat is not thread-safe: each
 * view keeps its own instance.
 */
final class Amounts {

	/**
	 * Anything at or above this is shown as "no limit" (the contract's max uint256 and
	 * the like).
	 */
	private static final BigDecimal UNLIMITED = new BigDecimal("1e30");

	private final NumberFormat format = NumberFormat.getNumberInstance(Locale.US);

	Amounts() {
		this.format.setMinimumFractionDigits(2);
		this.format.setMaximumFractionDigits(2);
		this.format.setRoundingMode(RoundingMode.HALF_EVEN);
	}

	String amount(BigDecimal value, String asset) {
		if (value.compareTo(UNLIMITED) >= 0) {
			return "no limit";
		}
		return this.format.format(value) + " " + asset;
	}

	String signed(BigDecimal value, String asset) {
		return ((value.signum() > 0) ? "+" : "") + amount(value, asset);
	}

	static String period(Duration period) {
		if (period.toDays() > 0 && period.equals(Duration.ofDays(period.toDays()))) {
			return (period.toDays() == 1) ? "day" : period.toDays() + " days";
		}
		if (period.toHours() > 0 && period.equals(Duration.ofHours(period.toHours()))) {
			return (period.toHours() == 1) ? "hour" : period.toHours() + " hours";
		}
		return period.toSeconds() + " s";
	}

	static String percent(BigDecimal fraction) {
		return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
	}

}
