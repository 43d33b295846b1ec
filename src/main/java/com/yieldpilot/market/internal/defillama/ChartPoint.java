package com.yieldpilot.market.internal.defillama;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One point of a DefiLlama {@code /chart/{pool}} series, after validation: a valid
 * timestamp, {@code tvlUsd} null or not negative, APYs (percent) null or within [-100,
 * 100000].
 *
 * @param timestamp when DefiLlama took the sample
 * @param tvlUsd total value locked in USD
 * @param apy total APY in percent
 * @param apyBase APY from fees/interest in percent
 * @param apyReward APY from reward tokens in percent; often null
 */
public record ChartPoint(Instant timestamp, @Nullable Double tvlUsd, @Nullable Double apy, @Nullable Double apyBase,
		@Nullable Double apyReward) {

	public ChartPoint {
		Objects.requireNonNull(timestamp, "timestamp");
	}

}
