package com.yieldpilot.rules;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies a farmer's rule across all its versions. Written as the bare UUID in JSON.
 */
public record RuleId(@JsonValue UUID value) {

	public RuleId {
		Objects.requireNonNull(value, "value");
	}

	public static RuleId random() {
		return new RuleId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
