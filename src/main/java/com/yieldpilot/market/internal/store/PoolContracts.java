package com.yieldpilot.market.internal.store;

import java.util.Objects;

import com.yieldpilot.shared.PoolId;

/**
 * Where a pool's numbers can be read on chain: its ERC-4626 vault and the price feed of
 * its asset, with the asset's decimals.
 */
public record PoolContracts(PoolId pool, String vault, String priceFeed, int assetDecimals) {

	public PoolContracts {
		Objects.requireNonNull(pool, "pool");
		Objects.requireNonNull(vault, "vault");
		Objects.requireNonNull(priceFeed, "priceFeed");
		if (assetDecimals < 0 || assetDecimals > 36) {
			throw new IllegalArgumentException("Asset decimals must lie in 0..36, got " + assetDecimals);
		}
	}

}
