/**
 * Execution: what happens to a rule's intent after it fired. For now the admins'
 * guardrails (trusted DRL from {@code rules/guardrails}, versioned in the database)
 * review every proposed intent, block it or scale it down, and settle it with the rules
 * module; the pipeline that plans, signs and broadcasts arrives with the vault issue. The
 * root package is the public API: the admin service
 * {@link com.yieldpilot.execution.Guardrails}, the
 * {@link com.yieldpilot.execution.PortfolioFacts} port (read from the vault module), and
 * the {@link com.yieldpilot.execution.ExecutionBlocked} event. See
 * docs/decisions/0014-guardrails.md.
 */
@NullMarked
@ApplicationModule(displayName = "Execution")
package com.yieldpilot.execution;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
