package com.yieldpilot.execution.internal.pipeline;

import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;

/**
 * Called after each state is stored, before the next step begins; for a final state,
 * inside the commit that ends the execution, before its intent goes on (a stop there
 * loses the whole ending). Production does nothing here; fault-injection tests throw to
 * stop the node between two states, and then watch the real recovery path (another node,
 * or this one after the lease runs out) finish the execution.
 */
@FunctionalInterface
public interface ExecutionCrashHook {

	ExecutionCrashHook NONE = (id, state) -> {
	};

	void reached(ExecutionId id, ExecutionState state);

	/** Called after the node took the signed bytes and before the state says so. */
	default void sent(ExecutionId id) {
	}

}
