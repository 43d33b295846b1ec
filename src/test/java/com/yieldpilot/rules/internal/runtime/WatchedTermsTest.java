package com.yieldpilot.rules.internal.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.yieldpilot.market.MarketUpdated;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.Source;
import com.yieldpilot.rules.internal.engine.TermKey;
import com.yieldpilot.shared.PoolId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WatchedTermsTest {

	private static final PoolId AAVE = PoolId.parse("aave-v3:base:USDC");

	private static final PoolId MORPHO = PoolId.parse("morpho:base:USDC");

	@Test
	void aShardIsConcernedOnlyByAnUpdateOfAPoolAndMetricItsRulesRead() {
		WatchedTerms watched = WatchedTerms.of(Set.of(TermKey.latest(AAVE.toString(), "apy"),
				TermKey.window(MORPHO.toString(), "tvl", TermKey.Aggregate.AVG, java.time.Duration.ofHours(2))));

		assertThat(watched.concerns(change(List.of(AAVE), List.of(), Metric.APY))).isTrue();
		assertThat(watched.concerns(change(List.of(MORPHO), List.of(), Metric.TVL, Metric.APY))).isTrue();
		assertThat(watched.concerns(change(List.of(AAVE), List.of(), Metric.RISK))).as("another metric").isFalse();
		assertThat(watched.concerns(change(List.of(PoolId.parse("compound-v3:base:USDC")), List.of(), Metric.APY)))
			.as("another pool")
			.isFalse();
	}

	@Test
	void aPoolAWaitingRuleWouldTouchIsWatchedForTheNumbersThatBlockIt() {
		WatchedTerms watched = WatchedTerms.of(Set.of(TermKey.latest(AAVE.toString(), "apy")), Set.of(MORPHO));

		assertThat(watched.concerns(change(List.of(MORPHO), List.of(), Metric.RISK))).as("a new risk score").isTrue();
		assertThat(watched.concerns(change(List.of(MORPHO), List.of(), Metric.TVL))).isTrue();
		assertThat(watched.concerns(change(List.of(MORPHO), List.of(), Metric.SHARE_PRICE)))
			.as("not a number the block is about")
			.isFalse();
		assertThat(watched.concerns(change(List.of(AAVE), List.of(), Metric.RISK)))
			.as("the rule reads only the apy of the pool it does not touch")
			.isFalse();
	}

	@Test
	void chainTermsMatchTheUpdatesChains() {
		WatchedTerms watched = WatchedTerms.of(Set.of(TermKey.latest("chain:base", "gas")));

		assertThat(watched.concerns(change(List.of(), List.of("base"), Metric.GAS))).isTrue();
		assertThat(watched.concerns(change(List.of(), List.of("arbitrum"), Metric.GAS))).isFalse();
	}

	@Test
	void termsOfAssetsOrOfTheVaultMakeEveryUpdateConcernTheShard() {
		WatchedTerms watched = WatchedTerms.of(Set.of(TermKey.latest(AAVE.toString(), "apy"),
				TermKey.latest(MarketReadings.ASSET_PREFIX + "USDC", "price")));

		assertThat(watched.concerns(change(List.of(MORPHO), List.of(), Metric.TVL))).isTrue();
		assertThat(WatchedTerms.ALL.concerns(new WatchedTerms.Change(Set.of()))).isTrue();
		assertThat(WatchedTerms.of(Set.of()).concerns(change(List.of(AAVE), List.of(), Metric.APY))).isFalse();
	}

	private static WatchedTerms.Change change(List<PoolId> pools, List<String> chains, Metric... metrics) {
		return WatchedTerms.Change
			.of(new MarketUpdated(pools, chains, Set.of(metrics), Instant.EPOCH, Source.SIMULATOR, pools.size()));
	}

}
