package com.yieldpilot.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time for benchmarks: each tick moves it forward, so held conditions come due.
 */
final class MovingClock extends Clock {

	private volatile Instant now;

	MovingClock(Instant start) {
		this.now = start;
	}

	void step(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
