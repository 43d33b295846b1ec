package com.yieldpilot.rules.lang;

import java.util.List;
import java.util.Objects;

import com.yieldpilot.shared.PoolId;

/**
 * Put idle funds of the pool's asset into a pool: {@code deposit 100% into
 * aave-v3:base:USDC}. A share is of the vault's idle balance of that asset.
 */
public record Deposit(Amount amount, PoolId into, List<String> comments) implements Action {

	public Deposit {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(into, "into");
		comments = RuleText.comments(comments);
	}

	public Deposit(Amount amount, PoolId into) {
		this(amount, into, List.of());
	}

}
