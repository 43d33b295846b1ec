package com.yieldpilot.market.ui;

import java.time.Duration;
import java.time.Instant;

import com.yieldpilot.market.Resolution;

/**
 * The spans the pool detail charts offer, each at the resolution that keeps it readable:
 * raw samples for a day, hourly rollups for a week or a month, daily ones for a year.
 */
enum HistoryRange {

	DAY("24 h", Resolution.RAW, Duration.ofDays(1)), WEEK("7 d", Resolution.HOUR, Duration.ofDays(7)),
	MONTH("30 d", Resolution.HOUR, Duration.ofDays(30)), YEAR("1 y", Resolution.DAY, Duration.ofDays(365));

	private final String label;

	private final Resolution resolution;

	private final Duration span;

	HistoryRange(String label, Resolution resolution, Duration span) {
		this.label = label;
		this.resolution = resolution;
		this.span = span;
	}

	String label() {
		return this.label;
	}

	Resolution resolution() {
		return this.resolution;
	}

	/** Where the range starts when it ends now. */
	Instant from(Instant now) {
		return now.minus(this.span);
	}

}
