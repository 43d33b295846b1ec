package com.yieldpilot.risk;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a retraining stands, for the admin page.
 *
 * @param running whether one runs now on this node
 * @param step what it does, e.g. "reading history (120 of 480 pools)"
 * @param fraction 0 to 1
 * @param startedAt when the latest run started, null before the first
 * @param outcome how the latest finished run ended (promoted, rejected, failed and why)
 */
public record TrainingProgress(boolean running, String step, double fraction, @Nullable Instant startedAt,
		@Nullable String outcome) {

	public static TrainingProgress idle() {
		return new TrainingProgress(false, "idle", 0, null, null);
	}

}
