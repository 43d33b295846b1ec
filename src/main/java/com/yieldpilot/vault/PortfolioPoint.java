package com.yieldpilot.vault;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One portfolio snapshot: the value and the net deposits (what just holding is worth).
 */
public record PortfolioPoint(Instant at, BigDecimal value, BigDecimal netDeposits) {

	public BigDecimal profitVersusHolding() {
		return this.value.subtract(this.netDeposits);
	}

}
