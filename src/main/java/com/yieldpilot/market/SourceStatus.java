package com.yieldpilot.market;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A market source's record: whether it is switched on, when it last worked and failed,
 * why, and its recent latency. Three failures in a row make it degraded; its values then
 * age into staleness, so rules stop acting on them by themselves.
 */
public record SourceStatus(String source, boolean enabled, @Nullable Instant lastSuccess, @Nullable Instant lastFailure,
		@Nullable String lastError, int consecutiveFailures, long successes, long failures,
		@Nullable Duration lastLatency, @Nullable String circuitState) {

	/** Failures in a row after which a source counts as degraded. */
	public static final int DEGRADED_AFTER = 3;

	public boolean degraded() {
		return this.consecutiveFailures >= DEGRADED_AFTER;
	}

	/** Share of failed polls since the record began, 0 to 1. */
	public double errorRate() {
		long total = this.successes + this.failures;
		return (total == 0) ? 0 : (double) this.failures / total;
	}

}
