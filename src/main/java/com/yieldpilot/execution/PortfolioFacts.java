package com.yieldpilot.execution;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

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

	/**
	 * {@link #portfolio} of many farmers at once, for a batch of reviews. A farmer left
	 * out of the answer could not be read for a reason other than an unreadable chain
	 * (which makes the portfolio unknown); their intents are reviewed again later.
	 */
	default Map<UserId, PortfolioView> portfolios(Collection<UserId> owners, Duration drawdownWindow) {
		Map<UserId, PortfolioView> views = new HashMap<>();
		owners.forEach(owner -> views.put(owner, portfolio(owner, drawdownWindow)));
		return views;
	}

}
