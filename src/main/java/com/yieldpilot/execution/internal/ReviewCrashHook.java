package com.yieldpilot.execution.internal;

import java.util.List;

import com.yieldpilot.rules.IntentId;

/**
 * Called inside a batch of reviews' transaction, after the verdicts are stored and the
 * intents settled, before the executions are created. Production does nothing here;
 * fault-injection tests throw to stop the batch in its middle and watch the redelivery
 * review every intent exactly once.
 */
@FunctionalInterface
public interface ReviewCrashHook {

	ReviewCrashHook NONE = intents -> {
	};

	void settled(List<IntentId> intents);

}
