package com.yieldpilot.market.internal.onchain;

import java.math.BigInteger;
import java.util.List;

import com.yieldpilot.market.internal.store.OnChainPool;
import org.jspecify.annotations.Nullable;

/**
 * What {@link PoolReader} read of a set of pools at one block. A read that failed leaves
 * its part of a pool's reading null and says why in {@link #failures()}.
 */
public record PoolReadings(BigInteger block, List<Reading> pools, List<String> failures) {

	public PoolReadings {
		pools = List.copyOf(pools);
		failures = List.copyOf(failures);
	}

	/** One pool's state at the block; each part null when not read or failed. */
	public record Reading(OnChainPool pool, Erc4626Reads.@Nullable VaultState vault,
			AaveRates.@Nullable ReserveRates aave, CometRates.@Nullable Market comet,
			ChainlinkPrices.@Nullable Price price) {
	}

}
