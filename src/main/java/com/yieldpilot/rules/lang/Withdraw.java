package com.yieldpilot.rules.lang;

import java.util.List;
import java.util.Objects;

import com.yieldpilot.shared.PoolId;

/**
 * Take funds out of a pool into the vault's idle balance: {@code withdraw 50% from
 * aave-v3:base:USDC}. A share is of the vault's position in the pool.
 */
public record Withdraw(Amount amount, PoolId from, List<String> comments) implements Action {

	public Withdraw {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(from, "from");
		comments = RuleText.comments(comments);
	}

	public Withdraw(Amount amount, PoolId from) {
		this(amount, from, List.of());
	}

}
