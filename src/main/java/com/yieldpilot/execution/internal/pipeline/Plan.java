package com.yieldpilot.execution.internal.pipeline;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One vault call, planned from the vault's positions at {@code block}: what it moves, the
 * least it accepts back, and the encoded calldata the executor signs.
 *
 * @param shares the target shares redeemed (withdraw, move); zero for a deposit
 * @param assets the base asset deposited (deposit), or expected back from the redeem
 * @param minAssetsOut the fewest assets the redeem may return (the preview less slippage)
 * @param minSharesOut the fewest shares the deposit may mint (the preview less slippage)
 * @param deadline the last second (unix time) the call is valid on chain
 * @param amountUsd what it moves in US dollars, when that can be told
 */
public record Plan(Kind kind, long chainId, String vault, String assetSymbol, int assetDecimals,
		@Nullable String fromTarget, @Nullable String fromPool, @Nullable String toTarget, @Nullable String toPool,
		BigInteger shares, BigInteger assets, BigInteger minAssetsOut, BigInteger minSharesOut, long deadline,
		long block, String calldata, String summary, @Nullable BigDecimal amountUsd) {

	public enum Kind {

		DEPOSIT, WITHDRAW, MOVE

	}

	public Plan {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(vault, "vault");
		Objects.requireNonNull(calldata, "calldata");
		Objects.requireNonNull(summary, "summary");
	}

}
