package com.yieldpilot.rules.lang;

import java.util.List;
import java.util.Objects;

import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * Withdraw from one pool and deposit into another in one step:
 * {@code move 100% from aave-v3:base:USDC to morpho:base:USDC-prime max 50000 USDC}. A
 * share is of the vault's position in {@code from}; the limit caps the amount moved.
 */
public record Move(Amount amount, PoolId from, PoolId to, @Nullable Amount limit,
		List<String> comments) implements Action {

	public Move {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (limit instanceof Amount.Share) {
			throw new IllegalArgumentException("The limit of a move is an amount such as $50k or 50000 USDC");
		}
		comments = RuleText.comments(comments);
	}

	public Move(Amount amount, PoolId from, PoolId to, @Nullable Amount limit) {
		this(amount, from, to, limit, List.of());
	}

}
