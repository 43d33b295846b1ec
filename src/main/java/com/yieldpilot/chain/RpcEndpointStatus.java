package com.yieldpilot.chain;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How one configured RPC URL of a chain has been doing, as this node saw it. The URL is
 * shown without its path and query, where providers put API keys.
 *
 * @param chain the chain's name
 * @param index the URL's position in the chain's fallback list, 0 for the primary
 * @param url scheme, host and port only, e.g.
 * {@code https://base-mainnet.g.alchemy.com/…}
 * @param verification whether the URL answered the configured chain's id
 * @param circuit its circuit breaker's state (CLOSED, OPEN, HALF_OPEN)
 * @param lastError the last failure, with nothing secret in it; null if none yet
 * @param consecutiveFailures failures since its last success
 */
public record RpcEndpointStatus(String chain, int index, String url, Verification verification, String circuit,
		@Nullable Instant lastSuccess, @Nullable Instant lastFailure, @Nullable String lastError,
		int consecutiveFailures, long successes, long failures, @Nullable Duration lastLatency) {

	/** Whether the URL serves the chain it is configured for. */
	public enum Verification {

		/** Not asked yet, or unreachable when asked; asked again before its next use. */
		UNVERIFIED,
		/** Answered the configured chain id. */
		VERIFIED,
		/** Answered another chain id: never used (a misconfigured URL). */
		REJECTED

	}

	/** Whether the URL is in trouble: rejected, its circuit not closed, or failing. */
	public boolean degraded() {
		return this.verification == Verification.REJECTED || !"CLOSED".equals(this.circuit)
				|| this.consecutiveFailures > 0;
	}

	/** Whether requests may go to this URL now. */
	public boolean usable() {
		return this.verification != Verification.REJECTED && !"OPEN".equals(this.circuit)
				&& !"FORCED_OPEN".equals(this.circuit);
	}

}
