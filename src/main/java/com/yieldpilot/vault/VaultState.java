package com.yieldpilot.vault;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A vault's configuration as the chain has it at {@code block}. Amounts are in the base
 * asset (e.g. 1000.5 USDC).
 *
 * @param pendingOwner the address a two-step ownership transfer waits for, if any
 * @param executor the key that may move funds among the allowlist, or null when revoked
 * @param availableAllowance what the executor may still move in the current period
 */
public record VaultState(long block, String owner, @Nullable String pendingOwner, @Nullable String executor,
		boolean paused, BigDecimal maxAssetsPerExecution, BigDecimal allowancePerPeriod, Duration period,
		BigDecimal availableAllowance, List<String> allowlist) {

	public VaultState {
		allowlist = List.copyOf(allowlist);
	}

}
