package com.yieldpilot.execution;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies one execution: one fund-moving action of one intent. The bare UUID in JSON.
 */
public record ExecutionId(@JsonValue UUID value) {

	public ExecutionId {
		Objects.requireNonNull(value, "value");
	}

	public static ExecutionId random() {
		return new ExecutionId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
