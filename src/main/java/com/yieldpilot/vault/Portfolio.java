package com.yieldpilot.vault;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a vault holds at {@code block}, in its base asset: the idle balance, each
 * position, their total, and the profit against just holding (total minus the owner's net
 * deposits).
 */
public record Portfolio(VaultId vault, String assetSymbol, long block, BigDecimal idle, List<Position> positions,
		BigDecimal value, BigDecimal netDeposits) {

	public Portfolio {
		positions = List.copyOf(positions);
	}

	public BigDecimal profitVersusHolding() {
		return this.value.subtract(this.netDeposits);
	}

}
