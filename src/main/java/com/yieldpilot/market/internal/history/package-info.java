/**
 * Past history of pools: the background backfill from DefiLlama's {@code /chart/{pool}}
 * (queued per pool, rate-limited, retried), the import of history files in DefiLlama's
 * chart shape (CSV or JSON; the {@code import-history} command and the admin upload), and
 * the writer both use, which stores history as {@code IMPORT} samples that are never
 * taken for live values and rolls it up. See
 * docs/decisions/0006-market-history-and-cross-check.md.
 */
@NullMarked
package com.yieldpilot.market.internal.history;

import org.jspecify.annotations.NullMarked;
