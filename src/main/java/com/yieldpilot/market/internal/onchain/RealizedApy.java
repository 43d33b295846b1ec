package com.yieldpilot.market.internal.onchain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

import com.yieldpilot.shared.PoolId;

/**
 * The base APY a vault realized, from its share price between a reference read and a
 * later one, over the time between the instants the two reads show: block timestamps on a
 * real chain, simulated instants on local mode's devnet, whose vaults grow by simulated
 * time. The window must span at least {@code minWindow}: {@link SharePriceApy} counts
 * whole seconds, and an hour keeps that and the rounding of each accrual to a unit of the
 * asset well below a thousandth of the APY. A read at or before the reference (a
 * restarted simulator, a reorganised chain) starts over. References live in memory, so a
 * restart waits one window for its first value. Not thread-safe.
 */
public final class RealizedApy {

	private final Duration minWindow;

	private final Map<PoolId, Reference> references = new HashMap<>();

	public RealizedApy(Duration minWindow) {
		if (minWindow.isNegative() || minWindow.isZero()) {
			throw new IllegalArgumentException("A realized APY needs a positive window, not " + minWindow);
		}
		this.minWindow = minWindow;
	}

	/**
	 * Records a read of the pool's share price.
	 * @param at the instant the read shows: the block's timestamp, or its simulated
	 * instant
	 * @return the APY in percent realized since the reference read, once the window is
	 * long enough; the read then becomes the next reference
	 */
	public OptionalDouble observe(PoolId pool, BigDecimal sharePrice, Instant at) {
		if (sharePrice.signum() <= 0) {
			this.references.remove(pool);
			return OptionalDouble.empty();
		}
		Reference reference = this.references.get(pool);
		if (reference == null || !at.isAfter(reference.at())) {
			this.references.put(pool, new Reference(sharePrice, at));
			return OptionalDouble.empty();
		}
		if (Duration.between(reference.at(), at).compareTo(this.minWindow) < 0) {
			return OptionalDouble.empty();
		}
		this.references.put(pool, new Reference(sharePrice, at));
		return OptionalDouble.of(SharePriceApy.percent(reference.sharePrice(), reference.at(), sharePrice, at));
	}

	private record Reference(BigDecimal sharePrice, Instant at) {
	}

}
