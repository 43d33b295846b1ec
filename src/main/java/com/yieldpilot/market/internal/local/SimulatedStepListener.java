package com.yieldpilot.market.internal.local;

import java.time.Duration;

import com.yieldpilot.market.internal.simulator.MarketStep;

/**
 * Hears every step the simulator source takes, on the polling thread, before the step's
 * batch is stored: local mode's devnet moves its contracts along. Steps arrive one at a
 * time, in order. A listener must return quickly (the refresh waits for it) and one that
 * fails is logged and does not fail the poll.
 */
@FunctionalInterface
public interface SimulatedStepListener {

	/**
	 * @param step the market at the end of the step
	 * @param simulated how much simulated time the step covered; zero for the first poll,
	 * which only observes the market
	 */
	void stepped(MarketStep step, Duration simulated);

}
