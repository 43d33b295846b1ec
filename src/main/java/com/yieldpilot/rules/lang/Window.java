package com.yieldpilot.rules.lang;

import java.time.Duration;
import java.util.Objects;

/** A function over a metric's history, e.g. {@code avg(apy(aave-v3:base:USDC), 24h)}. */
public record Window(WindowFunction function, MetricCall metric, Duration period) implements Expression {

	public Window {
		Objects.requireNonNull(function, "function");
		Objects.requireNonNull(metric, "metric");
		Durations.require(Objects.requireNonNull(period, "period"));
	}

}
