package com.yieldpilot.market.internal.history;

import java.time.Instant;
import java.util.Objects;

import com.yieldpilot.market.internal.defillama.ChartPoint;
import org.jspecify.annotations.Nullable;

/**
 * One point of a pool's past, in DefiLlama's chart shape: TVL in USD and APYs in percent,
 * each possibly absent.
 */
record HistoryRow(Instant at, @Nullable Double tvlUsd, @Nullable Double apy, @Nullable Double apyBase,
		@Nullable Double apyReward) {

	HistoryRow {
		Objects.requireNonNull(at, "at");
	}

	static HistoryRow of(ChartPoint point) {
		return new HistoryRow(point.timestamp(), point.tvlUsd(), point.apy(), point.apyBase(), point.apyReward());
	}

	boolean empty() {
		return this.tvlUsd == null && this.apy == null && this.apyBase == null && this.apyReward == null;
	}

}
