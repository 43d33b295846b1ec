package com.yieldpilot.execution;

import java.math.BigInteger;
import java.util.Objects;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.IntentId;

/**
 * An execution's transaction is final on chain: mined and as deep as the chain's
 * confirmation depth.
 */
public record ExecutionConfirmed(ExecutionId execution, IntentId intent, UserId owner, long chainId, String txHash,
		long blockNumber, long gasUsed, BigInteger costWei) {

	public ExecutionConfirmed {
		Objects.requireNonNull(execution, "execution");
		Objects.requireNonNull(intent, "intent");
		Objects.requireNonNull(owner, "owner");
		Objects.requireNonNull(txHash, "txHash");
		Objects.requireNonNull(costWei, "costWei");
	}

}
