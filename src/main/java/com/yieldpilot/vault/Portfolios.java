package com.yieldpilot.vault;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.identity.UserId;

/** Portfolio values over time, from the stored snapshots. */
public interface Portfolios {

	/**
	 * How far the user's portfolio (all their vaults) is now below its peak within the
	 * window, as a fraction: 0.1 is 10 % down. It compares value per unit of net deposits
	 * (value ÷ net deposits), so a deposit or a withdrawal is no gain or loss. Empty when
	 * the window holds no snapshot with positive net deposits.
	 */
	Optional<BigDecimal> drawdown(UserId user, Duration window);

	/**
	 * {@link #drawdown} of many users in two queries whatever their number; a user whose
	 * drawdown is unknown is left out.
	 */
	Map<UserId, BigDecimal> drawdowns(Collection<UserId> users, Duration window);

	/** The vault's snapshots within the window, oldest first. */
	List<PortfolioPoint> history(UserId user, VaultId vault, Duration window);

}
