package com.yieldpilot.rules;

import java.util.Objects;
import java.util.UUID;

/** Identifies an action intent: one firing of one rule version. */
public record IntentId(UUID value) {

	public IntentId {
		Objects.requireNonNull(value, "value");
	}

	public static IntentId random() {
		return new IntentId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
