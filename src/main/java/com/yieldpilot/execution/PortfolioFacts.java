package com.yieldpilot.execution;

import java.time.Duration;

import com.yieldpilot.identity.UserId;

/**
 * What the guardrails know about a farmer's portfolio, read from the vault module's
 * public API (execution depends on vault, never the other way). Without a bean, execution
 * uses {@link #UNKNOWN}, and the guardrails that need a portfolio (maximum share per
 * move, drawdown breakers) do not engage. An implementation that cannot tell reports
 * unknown rather than a guess.
 */
public interface PortfolioFacts {

	/** Knows nothing about any portfolio. */
	PortfolioFacts UNKNOWN = (owner, drawdownWindow) -> PortfolioView.UNKNOWN;

	/**
	 * The farmer's portfolio now, with its drawdown over the window.
	 * @param owner the farmer
	 * @param drawdownWindow how far back the drawdown's peak is looked for
	 */
	PortfolioView portfolio(UserId owner, Duration drawdownWindow);

}
