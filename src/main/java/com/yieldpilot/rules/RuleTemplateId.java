package com.yieldpilot.rules;

import java.util.Objects;
import java.util.UUID;

/** Identifies a rule template in the library. */
public record RuleTemplateId(UUID value) {

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
