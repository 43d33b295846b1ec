package com.yieldpilot.market.internal.history;

import org.jspecify.annotations.Nullable;

/**
 * One row of a history file as text, before it is checked: each field as written, or null
 * when absent.
 */
record RawRow(@Nullable String timestamp, @Nullable String pool, @Nullable String tvlUsd, @Nullable String apy,
		@Nullable String apyBase, @Nullable String apyReward) {
}
