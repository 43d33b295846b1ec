package com.yieldpilot.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.lang.Action;
import com.yieldpilot.rules.lang.Mode;

import org.jspecify.annotations.Nullable;

/**
 * What one firing of one rule version proposes: its actions, in order, with the rule's
 * options that execution and the guardrails honour. The idempotency key is made from the
 * rule version and the triggering evaluation, so a repeated tick or a job recovered on
 * another node finds the intent already there instead of making a second one.
 *
 * @param id the intent
 * @param owner the farmer whose vault it acts on
 * @param rule the rule that fired
 * @param ruleVersion the version that fired
 * @param ruleName the rule's name in that version
 * @param idempotencyKey unique per rule version and evaluation
 * @param mode paper or live
 * @param approvalRequired whether the farmer approves it before it runs
 * @param priority 1 to 100, 50 when not written
 * @param maxGasGwei the highest gas price it may pay, if written
 * @param actions what to do, in order
 * @param proposedAt when the firing happened
 * @param status where it stands
 * @param reason why it stands there, in words the farmer reads (e.g. who it waits for)
 */
public record ActionIntent(IntentId id, UserId owner, RuleId rule, int ruleVersion, String ruleName,
		String idempotencyKey, Mode mode, boolean approvalRequired, int priority, @Nullable BigDecimal maxGasGwei,
		List<Action> actions, Instant proposedAt, IntentStatus status, @Nullable String reason) {

	/** The priority of a rule that does not write one. */
	public static final int DEFAULT_PRIORITY = 50;

	public ActionIntent {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(owner, "owner");
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(ruleName, "ruleName");
		Objects.requireNonNull(idempotencyKey, "idempotencyKey");
		Objects.requireNonNull(mode, "mode");
		Objects.requireNonNull(proposedAt, "proposedAt");
		Objects.requireNonNull(status, "status");
		actions = List.copyOf(actions);
		if (actions.isEmpty()) {
			throw new IllegalArgumentException("An intent has at least one action");
		}
		if (priority < 1 || priority > 100) {
			throw new IllegalArgumentException("priority is from 1 to 100: " + priority);
		}
	}

}
