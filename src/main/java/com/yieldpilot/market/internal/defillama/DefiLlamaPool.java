package com.yieldpilot.market.internal.defillama;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One pool of a DefiLlama {@code /pools} response, after validation.
 * <p>
 * Guarantees: {@code poolId} is a lower-case UUID, {@code chain} and {@code project} are
 * not blank, {@code tvlUsd} is null or not negative, and every APY is null or within
 * [-100, 100000]. APY values are in percent, as DefiLlama sends them ({@code 2.12} means
 * 2.12 %). A null number means DefiLlama sent {@code null}, left the field out, or sent
 * something that was not a number (only tolerated for the APY components). A missing
 * {@code symbol} becomes the empty string; missing flags become {@code false}.
 *
 * @param poolId DefiLlama's pool id (the {@code pool} field), a UUID
 * @param chain chain name as DefiLlama spells it, e.g. {@code Ethereum}
 * @param project protocol slug, e.g. {@code curve-dex}
 * @param symbol pool symbol, e.g. {@code ETH-STETH}
 * @param poolMeta free-text detail DefiLlama adds to tell pools apart, e.g. a fee tier
 * @param tvlUsd total value locked in USD
 * @param apy total APY in percent
 * @param apyBase APY from fees/interest in percent
 * @param apyReward APY from reward tokens in percent
 * @param stablecoin whether DefiLlama classifies the pool as a stablecoin pool
 * @param ilRisk DefiLlama's impermanent-loss risk label ({@code yes}/{@code no})
 * @param exposure {@code single} or {@code multi}
 * @param outlier DefiLlama's own outlier flag (kept as information, not used to skip)
 * @param underlyingTokens token addresses the pool holds
 * @param rewardTokens token addresses paid as rewards
 */
public record DefiLlamaPool(String poolId, String chain, String project, String symbol, @Nullable String poolMeta,
		@Nullable Double tvlUsd, @Nullable Double apy, @Nullable Double apyBase, @Nullable Double apyReward,
		boolean stablecoin, @Nullable String ilRisk, @Nullable String exposure, boolean outlier,
		List<String> underlyingTokens, List<String> rewardTokens) {

	public DefiLlamaPool {
		Objects.requireNonNull(poolId, "poolId");
		Objects.requireNonNull(chain, "chain");
		Objects.requireNonNull(project, "project");
		Objects.requireNonNull(symbol, "symbol");
		underlyingTokens = List.copyOf(underlyingTokens);
		rewardTokens = List.copyOf(rewardTokens);
	}

}
