package com.yieldpilot.execution;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** One state an execution passed through, when, and what happened there. */
public record ExecutionStep(ExecutionState state, Instant at, @Nullable String detail) {

	public ExecutionStep {
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(at, "at");
	}

}
