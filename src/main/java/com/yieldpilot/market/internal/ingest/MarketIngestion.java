package com.yieldpilot.market.internal.ingest;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.yieldpilot.market.MarketUpdated;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.Source;
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

	/**
	 * Stores one value of a pool metric per pool, all from one source at one instant, and
	 * announces them as {@link #ingest} does, with statements that bind each column as
	 * one array rather than a row of binds per sample: for tens of thousands of pools at
	 * once (the risk scores).
	 */
	@Transactional
	public MarketUpdated ingestColumn(Source source, Metric metric, Instant observedAt, Map<PoolId, Double> values) {
		if (metric.scope() != Metric.Scope.POOL) {
			throw new IllegalArgumentException(metric + " is not a pool's metric: only pools' values come as a column");
		}
		List<PoolId> pools = List.copyOf(values.keySet());
		double[] column = new double[pools.size()];
		int i = 0;
		for (double value : values.values()) {
			column[i++] = value;
		}
		this.samples.takeChangeTurn();
		this.samples.ensurePartitions(observedAt, observedAt);
		int stored = this.samples.appendColumn(metric, source, observedAt,
				pools.stream().map(PoolId::toString).toList(), column);
		MarketUpdated updated = new MarketUpdated(pools, List.of(), EnumSet.of(metric), observedAt, source, stored);
		this.events.publishEvent(updated);
		return updated;
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
