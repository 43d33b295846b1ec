package com.yieldpilot.market.internal.devnet;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

import com.yieldpilot.market.internal.onchain.SharePriceApy;
import com.yieldpilot.shared.PoolId;

/**
 * The base APY a devnet vault realized, from its share price between a reference read and
 * a later one, over the <em>simulated</em> time between them (the vaults grow by
 * simulated time; the {@link DevnetClock} says which instant a block shows). The window
 * must span at least {@code minWindow}: {@link SharePriceApy} counts whole seconds, and
 * an hour keeps that and the rounding of each accrual to a unit of the asset well below a
 * thousandth of the APY. A read at or before the reference (the simulator restarted)
 * starts over. Not thread-safe.
 */
final class RealizedApy {

	private final Duration minWindow;

	private final Map<PoolId, Reference> references = new HashMap<>();

	RealizedApy(Duration minWindow) {
		if (minWindow.isNegative() || minWindow.isZero()) {
			throw new IllegalArgumentException("A realized APY needs a positive window, not " + minWindow);
		}
		this.minWindow = minWindow;
	}

	/**
	 * Records a read of the pool's share price.
	 * @param simulatedAt the simulated instant the read shows
	 * @return the APY in percent realized since the reference read, once the window is
	 * long enough; the read then becomes the next reference
	 */
	OptionalDouble observe(PoolId pool, BigDecimal sharePrice, Instant simulatedAt) {
		if (sharePrice.signum() <= 0) {
			this.references.remove(pool);
			return OptionalDouble.empty();
		}
		Reference reference = this.references.get(pool);
		if (reference == null || !simulatedAt.isAfter(reference.at())) {
			this.references.put(pool, new Reference(sharePrice, simulatedAt));
			return OptionalDouble.empty();
		}
		if (Duration.between(reference.at(), simulatedAt).compareTo(this.minWindow) < 0) {
			return OptionalDouble.empty();
		}
		this.references.put(pool, new Reference(sharePrice, simulatedAt));
		return OptionalDouble
			.of(SharePriceApy.percent(reference.sharePrice(), reference.at(), sharePrice, simulatedAt));
	}

	private record Reference(BigDecimal sharePrice, Instant at) {
	}

}
