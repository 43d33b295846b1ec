package com.yieldpilot.market.internal.simulator;

import java.time.Instant;
import java.util.List;

/**
 * What one call of {@link SimulatedMarket#advance} produced: every pool and every chain
 * as observed at the end of the step, in the order the market lists them, and the events
 * that happened during the step, in time order.
 *
 * @param at the end of the step
 * @param pools one tick per pool
 * @param chains one tick per chain that has a pool
 * @param events what happened in {@code (previous step, at]}, in time order
 */
public record MarketStep(Instant at, List<PoolTick> pools, List<ChainTick> chains, List<MarketEvent> events) {

	public MarketStep {
		pools = List.copyOf(pools);
		chains = List.copyOf(chains);
		events = List.copyOf(events);
	}

}
