package com.yieldpilot.vault;

import java.math.BigDecimal;
import java.math.BigInteger;

import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * The vault's shares in one ERC-4626 target and what they are worth now in the base asset
 * (the target's {@code convertToAssets}, i.e. shares × share price).
 *
 * @param pool the pool the target is known as, when YieldPilot knows it
 */
public record Position(String target, @Nullable PoolId pool, BigInteger shares, BigDecimal assets) {
}
