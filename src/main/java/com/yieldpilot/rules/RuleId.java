package com.yieldpilot.rules;

import java.util.Objects;
import java.util.UUID;

/** Identifies a farmer's rule across all its versions. */
public record RuleId(UUID value) {

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
