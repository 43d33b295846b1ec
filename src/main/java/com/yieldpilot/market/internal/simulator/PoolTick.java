package com.yieldpilot.market.internal.simulator;

import java.time.Instant;

import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * One pool as observed at the end of a step, in the units DefiLlama reports: APYs in
 * percent ({@code apy = apyBase + apyReward}), TVL in US dollars at the asset's current
 * price.
 *
 * @param pool the pool
 * @param observedAt the end of the step
 * @param apyBase the base APY, percent, never negative
 * @param apyReward the reward APY, percent; 0 once emissions have ended
 * @param apy the total APY, percent
 * @param tvlUsd the TVL, US dollars, always positive
 * @param utilization the share of deposits lent out, 0..1; {@code null} for a pool
 * without one
 * @param assetPriceUsd the price of the pool's asset
 * @param exploited whether the pool has been exploited (it stays so)
 * @param depegged whether the pool's stablecoin is off its peg by more than half a
 * percent after a depeg
 */
public record PoolTick(PoolId pool, Instant observedAt, double apyBase, double apyReward, double apy, double tvlUsd,
		@Nullable Double utilization, double assetPriceUsd, boolean exploited, boolean depegged) {
}
