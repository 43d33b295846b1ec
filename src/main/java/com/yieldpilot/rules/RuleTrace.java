package com.yieldpilot.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One evaluation in which a rule's state changed, or one step of its intent: which
 * version, each condition's result with the values it read, and why it fired or not.
 *
 * @param id increasing with time
 * @param rule the rule
 * @param version the rule version evaluated
 * @param at when
 * @param outcome what happened
 * @param reason the outcome in words a farmer reads
 * @param conditions each condition as written, with its result and values
 * @param intent the intent proposed or settled, if any
 */
public record RuleTrace(long id, RuleId rule, int version, Instant at, TraceOutcome outcome, String reason,
		List<ConditionResult> conditions, @Nullable IntentId intent) {

	public RuleTrace {
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(reason, "reason");
		conditions = List.copyOf(conditions);
	}

	/**
	 * A condition as written and its result: {@code true}, {@code false} or
	 * {@code unknown}.
	 */
	public record ConditionResult(String condition, String result, List<Evidence> values) {

		public ConditionResult {
			Objects.requireNonNull(condition, "condition");
			Objects.requireNonNull(result, "result");
			values = List.copyOf(values);
		}

	}

	/**
	 * A value a condition read: the term as written, the value (null when missing), its
	 * source and when it was observed.
	 */
	public record Evidence(String term, @Nullable BigDecimal value, @Nullable String source,
			@Nullable Instant observedAt, boolean stale) {

		public Evidence {
			Objects.requireNonNull(term, "term");
		}

	}

}
