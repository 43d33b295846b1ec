package com.yieldpilot.market;

import java.time.Duration;

/**
 * Where a sample came from, and how long its values may be trusted without a fresh one.
 */
public enum Source {

	DEFILLAMA(Duration.ofHours(2)), CHAIN(Duration.ofMinutes(10)), SIMULATOR(Duration.ofMinutes(2)),
	IMPORT(Duration.ZERO), RISK_MODEL(Duration.ofHours(1));

	private final Duration staleAfter;

	Source(Duration staleAfter) {
		this.staleAfter = staleAfter;
	}

	/**
	 * A value older than this is stale: rules never fire on it. Imported history is never
	 * live.
	 */
	public Duration staleAfter() {
		return this.staleAfter;
	}

}
