package com.yieldpilot.execution.internal.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A value read again only once its last reading is older than {@code kept}: for figures
 * that many callers need and that do not change within seconds (the ETH price that values
 * the gas). A clock that moved back also reads again. Concurrent callers of an expired
 * value may each read it; the last reading is kept.
 *
 * @param <T> the value
 */
final class RecentValue<T> {

	private final Duration kept;

	private final Clock clock;

	private final Supplier<T> read;

	private volatile @Nullable Reading<T> last;

	RecentValue(Duration kept, Clock clock, Supplier<T> read) {
		this.kept = Objects.requireNonNull(kept, "kept");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.read = Objects.requireNonNull(read, "read");
	}

	private record Reading<T>(T value, Instant at) {
	}

	T get() {
		Instant now = this.clock.instant();
		Reading<T> reading = this.last;
		if (reading == null || reading.at().isAfter(now) || !reading.at().plus(this.kept).isAfter(now)) {
			reading = new Reading<>(this.read.get(), now);
			this.last = reading;
		}
		return reading.value();
	}

}
