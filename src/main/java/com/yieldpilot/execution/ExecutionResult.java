package com.yieldpilot.execution;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a confirmed execution left in the vault, read on chain once it was final: the idle
 * balance and every position, in the vault's base asset.
 *
 * @param block the block the vault was read at
 * @param asset the vault's base asset's symbol
 * @param idle what sits in the vault itself
 */
public record ExecutionResult(long block, String asset, BigDecimal idle, List<Holding> positions) {

	public ExecutionResult {
		Objects.requireNonNull(asset, "asset");
		Objects.requireNonNull(idle, "idle");
		positions = List.copyOf(positions);
	}

	/**
	 * One target's shares and their worth.
	 *
	 * @param pool the pool id YieldPilot knows the target as, if any
	 */
	public record Holding(String target, @Nullable String pool, BigInteger shares, BigDecimal assets) {

		public Holding {
			Objects.requireNonNull(target, "target");
			Objects.requireNonNull(shares, "shares");
			Objects.requireNonNull(assets, "assets");
		}

	}

}
