package com.yieldpilot.rules.check;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.internal.simulator.SimulatedMarket;
import com.yieldpilot.market.internal.simulator.SimulatedPool;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.shared.Spelling;

/**
 * The rule vocabulary of local mode's simulated market, from the simulator's own pool
 * list, plus one watched (read-only) DefiLlama pool.
 */
public final class InMemoryVocabulary implements RuleVocabulary {

	/** A read-only pool: readable, never acted on. */
	public static final PoolId WATCHED = PoolId.parse("curve-dex:ethereum:DAI-USDC-USDT");

	private final Map<PoolId, PoolFacts> pools = new LinkedHashMap<>();

	private final Map<String, Set<Metric>> chains = new LinkedHashMap<>();

	public static InMemoryVocabulary simulated() {
		InMemoryVocabulary vocabulary = new InMemoryVocabulary();
		for (SimulatedPool pool : SimulatedMarket.defaultPools()) {
			Set<Metric> metrics = EnumSet.of(Metric.APY, Metric.APY_BASE, Metric.APY_REWARD, Metric.TVL, Metric.PRICE,
					Metric.SHARE_PRICE, Metric.RISK);
			if (pool.lending()) {
				metrics.add(Metric.UTILIZATION);
			}
			vocabulary.pools.put(pool.id(), new PoolFacts(pool.id(), pool.asset(), true, metrics));
			vocabulary.chains.put(pool.chain(), EnumSet.of(Metric.GAS, Metric.GAS_PRIORITY));
		}
		vocabulary.pools.put(WATCHED, new PoolFacts(WATCHED, "DAI", false,
				EnumSet.of(Metric.APY, Metric.APY_BASE, Metric.APY_REWARD, Metric.TVL, Metric.RISK)));
		return vocabulary;
	}

	/** Every pool it knows. */
	public Set<PoolId> poolIds() {
		return Set.copyOf(this.pools.keySet());
	}

	@Override
	public Optional<PoolFacts> pool(PoolId id) {
		return Optional.ofNullable(this.pools.get(id));
	}

	@Override
	public List<PoolId> similarPools(String text, int max) {
		return Spelling.closest(text, this.pools.keySet().stream().map(PoolId::toString).toList(), max)
			.stream()
			.map(PoolId::parse)
			.toList();
	}

	@Override
	public Set<String> chains() {
		return this.pools.keySet().stream().map(PoolId::chain).collect(Collectors.toSet());
	}

	@Override
	public Set<Metric> chainMetrics(String chain) {
		return this.chains.getOrDefault(chain, Set.of());
	}

	@Override
	public Set<String> assets() {
		return this.pools.values().stream().map(PoolFacts::asset).collect(Collectors.toSet());
	}

	@Override
	public Set<Metric> assetMetrics(String asset) {
		return this.pools.values()
			.stream()
			.filter(p -> p.asset().equals(asset))
			.flatMap(p -> p.metrics().stream())
			.filter(m -> m.scope() == Metric.Scope.ASSET)
			.collect(Collectors.toSet());
	}

}
