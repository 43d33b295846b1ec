package com.yieldpilot.rules;

import java.time.Instant;
import java.util.Objects;

import com.yieldpilot.rules.lang.Mode;

import org.jspecify.annotations.Nullable;

/**
 * A rule as the farmer's list shows it.
 *
 * @param id the rule
 * @param name its name, from the current version's text
 * @param version the current version, from 1
 * @param status enabled or disabled
 * @param mode paper or live, from the current version
 * @param updatedAt when the current version was saved
 * @param lastEvaluated when its conditions were last evaluated, if ever
 * @param lastFired when it last proposed an intent, if ever
 */
public record RuleSummary(RuleId id, String name, int version, RuleStatus status, Mode mode, Instant updatedAt,
		@Nullable Instant lastEvaluated, @Nullable Instant lastFired) {

	public RuleSummary {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(mode, "mode");
		Objects.requireNonNull(updatedAt, "updatedAt");
		if (version < 1) {
			throw new IllegalArgumentException("versions count from 1: " + version);
		}
	}

}
