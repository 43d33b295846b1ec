package com.yieldpilot.execution.internal.pipeline;

/**
 * How a step ended: go on to the next, or stop there with a reason the farmer reads.
 *
 * @param <T> what the step hands to the next
 */
sealed interface Outcome<T> {

	record Next<T>(T value) implements Outcome<T> {
	}

	/** Final: nothing to do, or not worth doing. */
	record Skip<T>(String reason) implements Outcome<T> {
	}

	/** Final: cannot be done as planned. */
	record Fail<T>(String reason) implements Outcome<T> {
	}

	/** Try again later: the conditions may change (fees, allowance, a price, a pause). */
	record Defer<T>(String reason) implements Outcome<T> {
	}

}
