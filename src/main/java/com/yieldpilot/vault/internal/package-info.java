/**
 * The vault module's persistence (jOOQ over {@code vault} and
 * {@code portfolio_snapshot}), its on-chain reads, the portfolio snapshot job, local
 * mode's demo vault and the REST API.
 */
@NullMarked
package com.yieldpilot.vault.internal;

import org.jspecify.annotations.NullMarked;
