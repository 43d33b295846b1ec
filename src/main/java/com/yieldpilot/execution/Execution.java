package com.yieldpilot.execution;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.lang.Mode;
import org.jspecify.annotations.Nullable;

/**
 * One fund-moving action of an intent on its way to the chain, as the farmer and the API
 * see it.
 *
 * @param actionIndex the action's place in the rule's list, from 0
 * @param summary what it does, in words ("move 1,000 USDC from … to …")
 * @param onchainId the bytes32 execution id the vault records; a repeat reverts
 * @param reason why it stands where it stands (a revert reason, why it waits)
 * @param txHash the transaction that carries it, once signed (the latest replacement)
 * @param costWei gas used × effective gas price, once mined
 * @param result the vault's idle balance and positions just after it was confirmed
 * @param steps every state it passed through, oldest first
 */
public record Execution(ExecutionId id, IntentId intent, int actionIndex, UserId owner, RuleId rule, String ruleName,
		Mode mode, ExecutionState state, @Nullable String summary, String onchainId, @Nullable String reason,
		@Nullable Long chainId, @Nullable String vault, @Nullable String from, @Nullable Long nonce,
		@Nullable String txHash, @Nullable Long blockNumber, @Nullable Long gasUsed, @Nullable BigInteger costWei,
		@Nullable ExecutionResult result, @Nullable Instant expiresAt, Instant createdAt, Instant updatedAt,
		List<ExecutionStep> steps) {

	public Execution {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(intent, "intent");
		Objects.requireNonNull(owner, "owner");
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(state, "state");
		steps = List.copyOf(steps);
	}

}
