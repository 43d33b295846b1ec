package com.yieldpilot.market.internal.ingest;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import com.yieldpilot.market.MarketUpdated;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.internal.store.PoolRegistry;
import com.yieldpilot.market.internal.store.SampleStore;
import com.yieldpilot.shared.PoolId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a batch and announces it. Storing and the {@code MarketUpdated} event commit
 * together (the event publication registry keeps it), so a listener never hears of
 * samples that were rolled back.
 */
@Service
public class MarketIngestion {

	private final PoolRegistry registry;

	private final SampleStore samples;

	private final ApplicationEventPublisher events;

	/** Spring builds it; public so the benchmarks can too. */
	public MarketIngestion(PoolRegistry registry, SampleStore samples, ApplicationEventPublisher events) {
		this.registry = registry;
		this.samples = samples;
		this.events = events;
	}

	@Transactional
	public MarketUpdated ingest(MarketBatch batch) {
		this.samples.takeChangeTurn();
		this.registry.registerAll(batch.pools());
		this.samples.ensurePartitions(batch.observedAt(), batch.observedAt());
		int stored = this.samples.append(batch.samples());
		Set<PoolId> pools = new LinkedHashSet<>();
		Set<String> chains = new LinkedHashSet<>();
		Set<Metric> metrics = EnumSet.noneOf(Metric.class);
		for (MetricSample sample : batch.samples()) {
			metrics.add(sample.metric());
			if (sample.metric().scope() == Metric.Scope.CHAIN) {
				chains.add(sample.subject().substring("chain:".length()));
			}
			else {
				PoolId.tryParse(sample.subject()).ifPresent(pools::add);
			}
		}
		batch.pools().stream().map(PoolDescriptor::id).forEach(pools::add);
		MarketUpdated updated = new MarketUpdated(pools.stream().toList(), chains.stream().toList(), metrics,
				batch.observedAt(), batch.source(), stored);
		this.events.publishEvent(updated);
		return updated;
	}

}
