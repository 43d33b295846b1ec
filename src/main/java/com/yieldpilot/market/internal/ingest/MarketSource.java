package com.yieldpilot.market.internal.ingest;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A place market data comes from. Each refresh asks every enabled source for what is new.
 */
public interface MarketSource {

	/** A short stable name for logs, metrics and the admin screen. */
	String name();

	/**
	 * What the source reports now; empty when it has nothing new. Failures are thrown,
	 * not swallowed.
	 */
	Optional<MarketBatch> poll(Instant now);

	/**
	 * The state of the source's circuit breaker, if it has one (CLOSED, OPEN, HALF_OPEN).
	 */
	default @Nullable String circuitState() {
		return null;
	}

}
