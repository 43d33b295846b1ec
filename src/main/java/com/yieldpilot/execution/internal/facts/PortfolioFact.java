package com.yieldpilot.execution.internal.facts;

import org.jspecify.annotations.Nullable;

/**
 * The farmer's portfolio: its value in US dollars and its drawdown over the configured
 * window as a fraction (0.05 is 5%), each null while unknown. Guardrails that need them
 * engage only when they are known.
 */
public final class PortfolioFact {

	private final @Nullable Double valueUsd;

	private final @Nullable Double drawdown;

	private final String window;

	public PortfolioFact(@Nullable Double valueUsd, @Nullable Double drawdown, String window) {
		this.valueUsd = valueUsd;
		this.drawdown = drawdown;
		this.window = window;
	}

	public @Nullable Double getValueUsd() {
		return this.valueUsd;
	}

	public @Nullable Double getDrawdown() {
		return this.drawdown;
	}

	/** The drawdown's window in words, e.g. {@code 7 days}, for reasons. */
	public String getWindow() {
		return this.window;
	}

}
