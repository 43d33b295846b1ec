package com.yieldpilot.rules.lang;

import java.time.Duration;
import java.util.Objects;

/**
 * The condition has held without a break for at least the duration, e.g.
 * {@code apy(aave-v3:base:USDC) < 4% for 2h}. Judged from stored samples, so it survives
 * restarts.
 */
public record Sustained(Condition condition, Duration duration) implements Condition {

	public Sustained {
		Objects.requireNonNull(condition, "condition");
		Durations.require(Objects.requireNonNull(duration, "duration"));
	}

}
