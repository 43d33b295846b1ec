package com.yieldpilot.rules.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricCatalog;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.rules.check.PoolFacts;
import com.yieldpilot.rules.check.RuleVocabulary;
import com.yieldpilot.shared.PoolId;

import org.springframework.stereotype.Component;

/**
 * The rule vocabulary of the live market: pools from the registry, their metrics from
 * what the sources have reported. Watched pools (DefiLlama pools outside the registry)
 * can be read but not acted on.
 */
@Component
class CatalogVocabulary implements RuleVocabulary {

	private final MetricCatalog catalog;

	CatalogVocabulary(MetricCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public Optional<PoolFacts> pool(PoolId id) {
		return this.catalog.pool(id)
			.map(p -> new PoolFacts(p.id(), PoolFacts.assetOf(p.id()), p.origin() != PoolDescriptor.Origin.WATCHED,
					this.catalog.metrics(p.id())));
	}

	@Override
	public List<PoolId> similarPools(String text, int max) {
		return this.catalog.suggestions(text, max);
	}

	@Override
	public Set<String> chains() {
		return this.catalog.pools().stream().map(PoolDescriptor::chain).collect(Collectors.toSet());
	}

	@Override
	public Set<Metric> chainMetrics(String chain) {
		// chain metrics belong to every pool of the chain, so one pool tells
		return this.catalog.pools()
			.stream()
			.filter(p -> p.chain().equals(chain))
			.findFirst()
			.map(p -> scoped(this.catalog.metrics(p.id()), Metric.Scope.CHAIN))
			.orElse(Set.of());
	}

	@Override
	public Set<String> assets() {
		return this.catalog.pools().stream().map(p -> PoolFacts.assetOf(p.id())).collect(Collectors.toSet());
	}

	@Override
	public Set<Metric> assetMetrics(String asset) {
		return this.catalog.pools()
			.stream()
			.filter(p -> PoolFacts.assetOf(p.id()).equals(asset))
			.map(p -> scoped(this.catalog.metrics(p.id()), Metric.Scope.ASSET))
			.filter(metrics -> !metrics.isEmpty())
			.findFirst()
			.orElse(Set.of());
	}

	private static Set<Metric> scoped(Set<Metric> metrics, Metric.Scope scope) {
		Set<Metric> scoped = EnumSet.noneOf(Metric.class);
		metrics.stream().filter(m -> m.scope() == scope).forEach(scoped::add);
		return scoped;
	}

}
