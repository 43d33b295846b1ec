package com.yieldpilot.market.internal.simulator;

import java.time.Duration;
import java.util.Objects;

import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * The static description of one simulated pool: what it is and the parameters its paths
 * are drawn with. APYs are in percent, TVL in US dollars at the start.
 *
 * <p>
 * The base APY is log-normal around {@code meanBaseApy}: its long-run mean is
 * {@code meanBaseApy} and, jumps aside, its long-run standard deviation
 * {@code baseApyVolatility} (both percent); the jumps of the {@link SimulationSettings}
 * widen the spread a little but leave the mean where it is. The reward APY is
 * {@code initialRewardApy} until {@code emissionEnd} after the market's start, and 0 from
 * then on; a {@code null} end means emissions never stop. A pool with a
 * {@code utilization} is a lending pool: a drain raises its utilization and, with it, its
 * base APY.
 *
 * @param id the pool's id; its protocol and chain must equal {@code project} and
 * {@code chain}, and its asset part must be {@code asset} or, for a vault, {@code asset}
 * followed by a dash and the vault's name ({@code USDC-prime})
 * @param project the protocol, e.g. {@code aave-v3}
 * @param chain the chain, e.g. {@code base}
 * @param asset the supplied asset's symbol, e.g. {@code USDC}
 * @param stablecoin whether the asset is pegged to one US dollar
 * @param meanBaseApy the long-run mean of the base APY, percent, positive
 * @param baseApyVolatility the long-run standard deviation of the base APY without its
 * jumps, percent
 * @param initialRewardApy the reward APY while emissions last, percent
 * @param emissionEnd when rewards stop, counted from the market's start; {@code null} for
 * never
 * @param initialTvlUsd the TVL at the start, US dollars, positive
 * @param utilization the long-run utilization of a lending pool, strictly between 0 and
 * 1; {@code null} for a pool that has none (e.g. a vault)
 */
public record SimulatedPool(PoolId id, String project, String chain, String asset, boolean stablecoin,
		double meanBaseApy, double baseApyVolatility, double initialRewardApy, @Nullable Duration emissionEnd,
		double initialTvlUsd, @Nullable Double utilization) {

	public SimulatedPool {
		Objects.requireNonNull(id, "id");
		if (!id.protocol().equals(project) || !id.chain().equals(chain)
				|| !(id.asset().equals(asset) || id.asset().startsWith(asset + "-"))) {
			throw new IllegalArgumentException("Pool " + id + " is described as " + project + " on " + chain + " for "
					+ asset + "; the id's protocol, chain and asset must match.");
		}
		require(meanBaseApy > 0 && Double.isFinite(meanBaseApy), id, "mean base APY must be positive", meanBaseApy);
		require(baseApyVolatility >= 0 && Double.isFinite(baseApyVolatility), id,
				"base APY volatility must not be negative", baseApyVolatility);
		require(initialRewardApy >= 0 && Double.isFinite(initialRewardApy), id, "reward APY must not be negative",
				initialRewardApy);
		require(initialTvlUsd > 0 && Double.isFinite(initialTvlUsd), id, "initial TVL must be positive", initialTvlUsd);
		if (emissionEnd != null && emissionEnd.isNegative()) {
			throw new IllegalArgumentException(
					"Pool " + id + ": emission end must not be negative, got " + emissionEnd);
		}
		if (utilization != null) {
			// strictly inside (0, 1): the utilization moves on the logit scale
			require(utilization > 0 && utilization < 1, id, "utilization must lie strictly between 0 and 1",
					utilization);
		}
	}

	/**
	 * A pool whose project, chain and asset are read from its id, e.g.
	 * {@code SimulatedPool.of("aave-v3:base:USDC", true, 4.0, 1.1, 0, null, 450e6, 0.8)}.
	 * The asset is the id's asset part up to its first dash, so
	 * {@code morpho:base:USDC-prime} supplies {@code USDC}.
	 */
	public static SimulatedPool of(String id, boolean stablecoin, double meanBaseApy, double baseApyVolatility,
			double initialRewardApy, @Nullable Duration emissionEnd, double initialTvlUsd,
			@Nullable Double utilization) {
		PoolId poolId = PoolId.parse(id);
		int dash = poolId.asset().indexOf('-');
		String asset = (dash > 0) ? poolId.asset().substring(0, dash) : poolId.asset();
		return new SimulatedPool(poolId, poolId.protocol(), poolId.chain(), asset, stablecoin, meanBaseApy,
				baseApyVolatility, initialRewardApy, emissionEnd, initialTvlUsd, utilization);
	}

	/**
	 * Whether the pool lends its asset out, and so has a utilization that drains push up.
	 */
	public boolean lending() {
		return this.utilization != null;
	}

	private static void require(boolean condition, PoolId id, String rule, double value) {
		if (!condition) {
			throw new IllegalArgumentException("Pool " + id + ": " + rule + ", got " + value);
		}
	}

}
