package com.yieldpilot.execution;

import java.time.Duration;

import com.yieldpilot.identity.UserId;

/**
 * What the guardrails know about a farmer's portfolio: the vault module implements it,
 * once it values positions, by declaring a bean of this type. Without one, execution uses
 * {@link #UNKNOWN}, and the guardrails that need a portfolio (maximum share per move,
 * drawdown breakers) do not engage. An implementation that cannot tell reports unknown
 * rather than a guess.
 */
public interface PortfolioFacts {

	/**
	 * Knows nothing about any portfolio: the default until the vault module provides one.
	 */
	PortfolioFacts UNKNOWN = (owner, drawdownWindow) -> PortfolioView.UNKNOWN;

	/**
	 * The farmer's portfolio now, with its drawdown over the window.
	 * @param owner the farmer
	 * @param drawdownWindow how far back the drawdown's peak is looked for
	 */
	PortfolioView portfolio(UserId owner, Duration drawdownWindow);

}
