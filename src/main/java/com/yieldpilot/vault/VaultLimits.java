package com.yieldpilot.vault;

import java.math.BigDecimal;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The limits a vault's owner sets on the executor, in the asset (e.g. 5000 USDC): the
 * most one execution may move, and the most all executions together may move per period,
 * an allowance that refills in full when a new period begins.
 */
public record VaultLimits(BigDecimal maxPerExecution, BigDecimal allowancePerPeriod, Duration period) {

	/** Shortest period: a shorter one would let the allowance refill every block. */
	public static final Duration MIN_PERIOD = Duration.ofMinutes(1);

	public VaultLimits {
		positive(maxPerExecution, "The most one execution may move");
		positive(allowancePerPeriod, "The allowance per period");
		if (period == null || period.compareTo(MIN_PERIOD) < 0) {
			throw new WalletCallException("The period must be at least a minute; the allowance refills once per "
					+ "period (a day is a common choice).");
		}
		if (period.toNanosPart() != 0) {
			throw new WalletCallException("The period must be a whole number of seconds.");
		}
	}

	private static void positive(@Nullable BigDecimal amount, String what) {
		if (amount == null) {
			throw new WalletCallException(what + " is required.");
		}
		if (amount.signum() <= 0) {
			throw new WalletCallException(what + " must be more than 0, not " + amount.toPlainString()
					+ ". To stop the executor, pause the vault instead.");
		}
	}

}
