package com.yieldpilot.rules;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One saved version of a rule: its canonical text as saved.
 *
 * @param rule the rule
 * @param version from 1, one more with each save
 * @param text the canonical text of this version
 * @param savedAt when it was saved
 * @param note why it was saved, e.g. "rolled back to version 2"; null for an edit
 */
public record RuleVersion(RuleId rule, int version, String text, Instant savedAt, @Nullable String note) {

	public RuleVersion {
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(savedAt, "savedAt");
		if (version < 1) {
			throw new IllegalArgumentException("versions count from 1: " + version);
		}
	}

}
