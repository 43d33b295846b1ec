package com.yieldpilot.rules.internal.engine;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A number a rule reads: a metric of a subject (a pool id, {@code chain:<name>}, an asset
 * or a vault position), either its latest value or an aggregate over a trailing window.
 */
public record TermKey(String subject, String metric, @Nullable Aggregate aggregate, @Nullable Duration window) {

	/** How a window is summarised. */
	public enum Aggregate {

		AVG, MIN, MAX, CHANGE, PCT_CHANGE

	}

	public TermKey {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(metric, "metric");
		if ((aggregate == null) != (window == null)) {
			throw new IllegalArgumentException("An aggregate needs a window and a window needs an aggregate");
		}
		if (window != null && (window.isNegative() || window.isZero())) {
			throw new IllegalArgumentException("A window must be positive, not " + window);
		}
	}

	public static TermKey latest(String subject, String metric) {
		return new TermKey(subject, metric, null, null);
	}

	public static TermKey window(String subject, String metric, Aggregate aggregate, Duration window) {
		return new TermKey(subject, metric, aggregate, window);
	}

	public boolean isWindow() {
		return this.aggregate != null;
	}

	@Override
	public String toString() {
		String latest = this.metric + "(" + this.subject + ")";
		return (this.aggregate != null) ? this.aggregate.name().toLowerCase() + "(" + latest + ", " + this.window + ")"
				: latest;
	}

}
