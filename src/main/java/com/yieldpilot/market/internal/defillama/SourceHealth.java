package com.yieldpilot.market.internal.defillama;

import java.time.Duration;
import java.time.Instant;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;

/**
 * How the DefiLlama source has been doing, as seen by {@link DefiLlamaClient}: for a
 * health indicator, a status page, or the freshness rules of the market module.
 * <p>
 * Only calls that reached a verdict about the source count: a successful response, or a
 * failure of the source (unreachable, timeout, 5xx/429, unreadable body). Client errors
 * such as a 404 for an unknown pool, and calls refused by the open circuit, change
 * nothing here.
 *
 * @param lastSuccess when the last successful call ended; null if none yet
 * @param lastFailure when the last failed call ended; null if none yet
 * @param lastError message of the last failure; null if none yet
 * @param consecutiveFailures failures since the last success
 * @param lastLatency duration of the last counted call, retries and parsing included
 * @param circuitState the circuit breaker's state when this snapshot was taken
 */
public record SourceHealth(@Nullable Instant lastSuccess, @Nullable Instant lastFailure, @Nullable String lastError,
		int consecutiveFailures, @Nullable Duration lastLatency, CircuitBreaker.State circuitState) {

	static SourceHealth initial(CircuitBreaker.State state) {
		return new SourceHealth(null, null, null, 0, null, state);
	}

	SourceHealth succeeded(Instant at, Duration latency) {
		return new SourceHealth(at, this.lastFailure, this.lastError, 0, latency, this.circuitState);
	}

	SourceHealth failed(Instant at, String error, Duration latency) {
		return new SourceHealth(this.lastSuccess, at, error, this.consecutiveFailures + 1, latency, this.circuitState);
	}

	SourceHealth withCircuitState(CircuitBreaker.State state) {
		return new SourceHealth(this.lastSuccess, this.lastFailure, this.lastError, this.consecutiveFailures,
				this.lastLatency, state);
	}

}
