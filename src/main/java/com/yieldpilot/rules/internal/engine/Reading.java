package com.yieldpilot.rules.internal.engine;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A term's value as the engine receives it. {@code known} is false for a missing or stale
 * value; the value is then ignored.
 */
public record Reading(double value, boolean known, @Nullable Instant observedAt) {

	public static final Reading UNKNOWN = new Reading(Double.NaN, false, null);

	public static Reading of(double value, Instant observedAt) {
		return new Reading(value, Double.isFinite(value), observedAt);
	}

}
