package com.yieldpilot.market.internal.history;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the DefiLlama history backfill, {@code yieldpilot.market.backfill.*}. At
 * most {@code perRun} charts are fetched, one after another, every {@code interval}: 20 a
 * minute by default, so a first registration of 20,000 pools is backfilled in about 17
 * hours without a burst.
 *
 * @param enabled whether pools are backfilled (when DefiLlama is enabled)
 * @param interval how often the backfill job runs
 * @param perRun charts fetched per run at most
 * @param retryAfter wait after a first failure; it doubles with each further failure
 * @param retryMax the longest wait between attempts
 */
@ConfigurationProperties("yieldpilot.market.backfill")
public record BackfillProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration interval,
		@DefaultValue("10") int perRun, @DefaultValue("10m") Duration retryAfter,
		@DefaultValue("1d") Duration retryMax) {

	public BackfillProperties {
		positive(interval, "interval");
		positive(retryAfter, "retry-after");
		positive(retryMax, "retry-max");
		if (perRun < 1) {
			throw new IllegalArgumentException("yieldpilot.market.backfill.per-run must be at least 1");
		}
	}

	/** The defaults. */
	public static BackfillProperties defaults() {
		return new BackfillProperties(true, Duration.ofSeconds(30), 10, Duration.ofMinutes(10), Duration.ofDays(1));
	}

	/** The wait before the next attempt after this many failures in a row (1 or more). */
	Duration retryDelay(int failures) {
		Duration delay = this.retryAfter;
		for (int i = 1; i < failures && delay.compareTo(this.retryMax) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.retryMax) > 0) ? this.retryMax : delay;
	}

	private static void positive(Duration duration, String name) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("yieldpilot.market.backfill." + name + " must be positive");
		}
	}

}
