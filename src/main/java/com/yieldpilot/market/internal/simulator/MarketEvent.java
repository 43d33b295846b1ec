package com.yieldpilot.market.internal.simulator;

import java.time.Instant;

import com.yieldpilot.shared.PoolId;

/**
 * Something notable that happened in a step of the simulated market, at the simulated
 * instant it happened (within the step, not at its end). Demos show these, and tests use
 * them to find the step an event fell in.
 */
public sealed interface MarketEvent {

	/** When it happened. */
	Instant at();

	/** A pool's reward emissions ended; its reward APY is 0 from {@code at} on. */
	record RewardsEnded(Instant at, PoolId pool) implements MarketEvent {
	}

	/** A sudden withdrawal took {@code fraction} (0.2–0.6) of a pool's TVL. */
	record TvlDrained(Instant at, PoolId pool, double fraction) implements MarketEvent {
	}

	/** A pool was exploited: {@code fraction} (0.8–0.95) of its TVL is gone for good. */
	record Exploited(Instant at, PoolId pool, double fraction) implements MarketEvent {
	}

	/**
	 * A stablecoin lost its peg, falling to {@code priceUsd} (0.85–0.97) on every chain.
	 */
	record Depegged(Instant at, String asset, double priceUsd) implements MarketEvent {
	}

	/** Congestion on a chain multiplied its base fee by {@code multiplier} (3–10). */
	record GasSpiked(Instant at, String chain, double multiplier) implements MarketEvent {
	}

}
