package com.yieldpilot.market.internal.store;

import java.util.Objects;

import com.yieldpilot.market.ReadKind;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * Where and how a pool is read on chain.
 *
 * @param contract the vault, Aave Pool or Comet, as {@code kind} says
 * @param asset the pool's token; the Aave reserve, or checked against the vault's or
 * Comet's own
 * @param assetDecimals the asset's decimals, for share prices and TVL
 * @param priceFeed the Chainlink aggregator of the asset's USD price, if any
 */
public record OnChainPool(PoolId pool, ReadKind kind, String contract, @Nullable String asset, int assetDecimals,
		@Nullable String priceFeed) {

	public OnChainPool {
		Objects.requireNonNull(pool, "pool");
		Objects.requireNonNull(contract, "contract");
		if (!kind.onChain()) {
			throw new IllegalArgumentException(pool + " is not read on chain");
		}
		if (kind == ReadKind.AAVE_V3 && asset == null) {
			throw new IllegalArgumentException(pool + ": an Aave v3 reserve needs its asset");
		}
		if (assetDecimals < 0 || assetDecimals > 36) {
			throw new IllegalArgumentException("Asset decimals must lie in 0..36, got " + assetDecimals);
		}
	}

	/** A devnet pool: its ERC-4626 vault and its asset's feed. */
	public static OnChainPool of(PoolContracts contracts) {
		return new OnChainPool(contracts.pool(), ReadKind.ERC4626, contracts.vault(), null, contracts.assetDecimals(),
				contracts.priceFeed());
	}

}
