package com.yieldpilot.rules;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies an action intent: one firing of one rule version. Written as the bare UUID
 * in JSON.
 */
public record IntentId(@JsonValue UUID value) {

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
