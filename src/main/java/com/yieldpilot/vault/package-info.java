/**
 * The farmers' vaults: each farmer's {@code YieldVault} contract (owned by their wallet,
 * operated by YieldPilot's executor within the owner's allowlist and limits), its
 * configuration and positions as read on chain, and the portfolio's value over time with
 * its profit against just holding and its drawdown, which the guardrails use. Contract
 * and decisions: docs/decisions/0012-yield-vault.md.
 */
@NullMarked
@ApplicationModule(displayName = "Vault")
package com.yieldpilot.vault;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
