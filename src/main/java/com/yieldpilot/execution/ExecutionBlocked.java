package com.yieldpilot.execution;

import java.util.List;
import java.util.Objects;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.IntentId;

/**
 * The guardrails (or the kill switch) stopped an intent: nothing moved. Published once
 * per intent, in the transaction that stored the verdict.
 *
 * @param intent the intent that was stopped
 * @param owner the farmer whose rule proposed it
 * @param reasons why, in words the farmer reads
 */
public record ExecutionBlocked(IntentId intent, UserId owner, List<String> reasons) {

	public ExecutionBlocked {
		Objects.requireNonNull(intent, "intent");
		Objects.requireNonNull(owner, "owner");
		reasons = List.copyOf(reasons);
	}

}
