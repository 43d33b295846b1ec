package com.yieldpilot.market.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.yieldpilot.market.LatestValue;
import com.yieldpilot.market.MetricUnit;

/**
 * How the market screens write numbers: one place, so the grid, the detail page and the
 * charts agree. NumberFormat is not thread-safe: each view (one UI, one thread at a time)
 * keeps its own instance.
 */
final class Formats {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final NumberFormat compactUsd = NumberFormat.getCompactNumberInstance(Locale.US, NumberFormat.Style.SHORT);

	private final NumberFormat wholeUsd = NumberFormat.getIntegerInstance(Locale.US);

	Formats() {
		this.compactUsd.setMaximumFractionDigits(1);
	}

	/** Short, for grid cells: 4.25%, $12.3M. */
	String compact(double value, MetricUnit unit) {
		return switch (unit) {
			case PERCENT -> String.format(Locale.US, "%.2f%%", value);
			case USD -> "$" + this.compactUsd.format(value);
			case RATIO -> String.format(Locale.US, "%.2f", value);
			case GWEI -> String.format(Locale.US, "%.3f gwei", value);
		};
	}

	/** Exact enough to compare sources: 4.2512 %, $12,345,678, 1.000123. */
	String full(LatestValue value) {
		return switch (value.metric().unit()) {
			case PERCENT -> String.format(Locale.US, "%.4f %%", value.value());
			case USD -> "$" + this.wholeUsd.format(value.value());
			case RATIO -> String.format(Locale.US, "%.6f", value.value());
			case GWEI -> String.format(Locale.US, "%.4f gwei", value.value());
		};
	}

	static String time(Instant at) {
		return TIME.format(at);
	}

}
