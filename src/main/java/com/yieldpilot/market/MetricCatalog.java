package com.yieldpilot.market;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.market.internal.store.PoolRegistry;
import com.yieldpilot.market.internal.store.SampleStore;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.shared.Spelling;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which pools exist and which metrics each has: the market module's contract with the
 * rules compiler. A pool has a metric once a source has reported it; chain metrics (gas)
 * belong to every pool of that chain.
 */
@Service
@Transactional(readOnly = true)
public class MetricCatalog {

	private final PoolRegistry registry;

	private final SampleStore samples;

	MetricCatalog(PoolRegistry registry, SampleStore samples) {
		this.registry = registry;
		this.samples = samples;
	}

	public List<PoolDescriptor> pools() {
		return this.registry.all();
	}

	public Optional<PoolDescriptor> pool(PoolId id) {
		return this.registry.find(id);
	}

	/**
	 * The metrics a rule may read for this pool: those a source has reported for it or
	 * its chain, and always {@link Metric#RISK}. Empty for an unknown pool.
	 */
	public Set<Metric> metrics(PoolId id) {
		Set<Metric> metrics = EnumSet.noneOf(Metric.class);
		if (this.registry.find(id).isEmpty()) {
			return metrics;
		}
		this.samples.latest(List.of(id.toString(), MetricSample.chainSubject(id.chain())))
			.forEach(s -> metrics.add(s.metric()));
		// the risk module scores every registered pool, so a rule may read risk before
		// the first score arrives; until then the value is missing, and rules never fire
		// on it
		metrics.add(Metric.RISK);
		return metrics;
	}

	/**
	 * Known pool ids closest to a mistyped one, best first: the "did you mean" of rule
	 * errors.
	 */
	public List<PoolId> suggestions(String text, int max) {
		return Spelling.closest(text, this.registry.all().stream().map(p -> p.id().toString()).toList(), max)
			.stream()
			.map(PoolId::parse)
			.toList();
	}

}
