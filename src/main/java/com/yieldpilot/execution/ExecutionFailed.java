package com.yieldpilot.execution;

import java.util.Objects;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.IntentId;
import org.jspecify.annotations.Nullable;

/**
 * An execution ended without moving funds: it could not be planned, reverted in
 * simulation (no nonce spent) or on chain.
 *
 * @param reason why, in words the farmer reads (e.g. the decoded revert)
 * @param txHash the reverted transaction, when it reached the chain
 */
public record ExecutionFailed(ExecutionId execution, IntentId intent, UserId owner, String reason,
		@Nullable String txHash) {

	public ExecutionFailed {
		Objects.requireNonNull(execution, "execution");
		Objects.requireNonNull(intent, "intent");
		Objects.requireNonNull(owner, "owner");
		Objects.requireNonNull(reason, "reason");
	}

}
