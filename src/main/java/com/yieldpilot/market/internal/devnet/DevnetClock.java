package com.yieldpilot.market.internal.devnet;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which simulated instant the devnet's contracts show: after a drive that applied every
 * step up to a simulated instant, the chain from that block on is the market at that
 * instant (nothing else moves the devnet's contracts). The chain source reads at that
 * block, so its reads never catch a drive half done, and it annualises share-price growth
 * over simulated time exactly. Thread-safe: the feed writes, the chain source reads.
 */
final class DevnetClock {

	private final AtomicReference<Tick> last = new AtomicReference<>();

	/** The chain at {@code block} shows the market at {@code simulatedAt}. */
	record Tick(BigInteger block, Instant simulatedAt) {
	}

	void driven(BigInteger block, Instant simulatedAt) {
		this.last.set(new Tick(block, simulatedAt));
	}

	/** The newest complete drive; empty before the first one of this run. */
	Optional<Tick> last() {
		return Optional.ofNullable(this.last.get());
	}

}
