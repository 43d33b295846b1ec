package com.yieldpilot.execution;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.shared.PoolId;

import org.jspecify.annotations.Nullable;

/**
 * A farmer's portfolio as the guardrails read it; null is unknown.
 *
 * @param valueUsd the whole portfolio in US dollars: positions and idle funds
 * @param idleUsd idle funds in the vault, in US dollars
 * @param positionsUsd the value of each position, by pool
 * @param drawdown the fall from the window's peak value to now, as a fraction (0.05 is
 * 5%)
 */
public record PortfolioView(@Nullable BigDecimal valueUsd, @Nullable BigDecimal idleUsd,
		Map<PoolId, BigDecimal> positionsUsd, @Nullable BigDecimal drawdown) {

	/** Nothing known. */
	public static final PortfolioView UNKNOWN = new PortfolioView(null, null, Map.of(), null);

	public PortfolioView {
		positionsUsd = Map.copyOf(positionsUsd);
		if (drawdown != null && (drawdown.signum() < 0 || drawdown.compareTo(BigDecimal.ONE) > 0)) {
			throw new IllegalArgumentException("A drawdown is a fraction from 0 to 1, not " + drawdown);
		}
	}

	public Optional<BigDecimal> positionUsd(PoolId pool) {
		return Optional.ofNullable(this.positionsUsd.get(pool));
	}

}
