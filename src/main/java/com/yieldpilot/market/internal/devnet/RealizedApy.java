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
 * a later one. The devnet's vaults grow by <em>simulated</em> time, so the real time
 * between reads is scaled by the simulator's speed; and the window must span at least
 * {@code minWindow} of simulated time, because reads and steps are a few hundred
 * milliseconds apart, an error that only a window of many steps makes negligible. A
 * window longer than {@code maxWindow} (the node was suspended, and the simulator caps a
 * step at a day) says nothing about the speed-scaled time, so it starts over. Not
 * thread-safe.
 */
final class RealizedApy {

	private final double speed;

	private final Duration minWindow;

	private final Duration maxWindow;

	private final Map<PoolId, Reference> references = new HashMap<>();

	RealizedApy(double speed, Duration minWindow, Duration maxWindow) {
		if (!(speed > 0) || minWindow.isNegative() || minWindow.isZero() || maxWindow.compareTo(minWindow) < 0) {
			throw new IllegalArgumentException("A realized APY needs a positive speed and 0 < minWindow <= maxWindow");
		}
		this.speed = speed;
		this.minWindow = minWindow;
		this.maxWindow = maxWindow;
	}

	/**
	 * Records a read of the pool's share price.
	 * @return the APY in percent realized since the reference read, once the window is
	 * long enough; the read then becomes the next reference
	 */
	OptionalDouble observe(PoolId pool, BigDecimal sharePrice, Instant at) {
		if (sharePrice.signum() <= 0) {
			this.references.remove(pool);
			return OptionalDouble.empty();
		}
		Reference reference = this.references.get(pool);
		if (reference == null || !at.isAfter(reference.at())) {
			this.references.put(pool, new Reference(sharePrice, at));
			return OptionalDouble.empty();
		}
		Duration simulated = Duration.ofNanos((long) (Duration.between(reference.at(), at).toNanos() * this.speed));
		if (simulated.compareTo(this.minWindow) < 0) {
			return OptionalDouble.empty();
		}
		this.references.put(pool, new Reference(sharePrice, at));
		if (simulated.compareTo(this.maxWindow) > 0) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of(SharePriceApy.percent(reference.sharePrice(), Instant.EPOCH, sharePrice,
				Instant.EPOCH.plus(simulated)));
	}

	private record Reference(BigDecimal sharePrice, Instant at) {
	}

}
