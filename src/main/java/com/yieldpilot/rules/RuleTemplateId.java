package com.yieldpilot.rules;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a rule template in the library; written as the bare UUID in JSON. */
public record RuleTemplateId(@JsonValue UUID value) {

	public RuleTemplateId {
		Objects.requireNonNull(value, "value");
	}

	public static RuleTemplateId random() {
		return new RuleTemplateId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
