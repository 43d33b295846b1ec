package com.yieldpilot.execution;

import java.time.Instant;
import java.util.Objects;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.RuleId;
import org.jspecify.annotations.Nullable;

/**
 * An execution that waits to be tried again, as admins watch it: whose, which rule, why
 * it waits (fees above the cap, the kill switch, a chain that could not be read) and when
 * the pipeline tries it next.
 *
 * @param farmer the owner's username
 * @param summary what it does, in words, once planned
 * @param reason why it waits, with the figures
 * @param retryAt when the pipeline tries it again
 * @param deferredAt when it was last deferred
 */
public record DeferredExecution(ExecutionId id, UserId owner, String farmer, RuleId rule, String ruleName,
		@Nullable String summary, @Nullable String reason, @Nullable Instant retryAt, Instant deferredAt) {

	public DeferredExecution {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(owner, "owner");
		Objects.requireNonNull(farmer, "farmer");
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(ruleName, "ruleName");
		Objects.requireNonNull(deferredAt, "deferredAt");
	}

}
