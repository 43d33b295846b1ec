package com.yieldpilot.market;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.yieldpilot.market.internal.store.CrossCheckStore;
import com.yieldpilot.market.internal.store.PoolRegistry;
import com.yieldpilot.market.internal.store.SampleStore;
import com.yieldpilot.shared.PoolId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads for screens, the REST API and other modules: pools with their latest values and
 * whether their sources agree, and metric history.
 */
@Service
@Transactional(readOnly = true)
public class MarketData {

	private final PoolRegistry registry;

	private final SampleStore samples;

	private final CrossCheckStore crossChecks;

	private final Clock clock;

	MarketData(PoolRegistry registry, SampleStore samples, CrossCheckStore crossChecks, Clock clock) {
		this.registry = registry;
		this.samples = samples;
		this.crossChecks = crossChecks;
		this.clock = clock;
	}

	public List<PoolSnapshot> pools(int offset, int limit) {
		return snapshots(this.registry.page(offset, limit));
	}

	/** Pools whose id contains the text, e.g. a chain, protocol or asset name. */
	public List<PoolSnapshot> search(String text, int offset, int limit) {
		return snapshots(this.registry.search(text, offset, limit));
	}

	public int countMatching(String text) {
		return this.registry.countMatching(text);
	}

	private List<PoolSnapshot> snapshots(List<PoolDescriptor> pools) {
		Map<String, List<MetricSample>> latest = this.samples
			.latest(pools.stream().map(p -> p.id().toString()).toList())
			.stream()
			.collect(Collectors.groupingBy(MetricSample::subject));
		Map<PoolId, PoolInconsistency> inconsistent = this.crossChecks
			.inconsistencies(pools.stream().map(PoolDescriptor::id).toList());
		Instant now = this.clock.instant();
		return pools.stream()
			.map(p -> new PoolSnapshot(p,
					latest.getOrDefault(p.id().toString(), List.of())
						.stream()
						.map(s -> LatestValue.of(s, now))
						.toList(),
					inconsistent.get(p.id())))
			.toList();
	}

	public int count() {
		return this.registry.count();
	}

	public Optional<PoolSnapshot> pool(PoolId id) {
		return this.registry.find(id).map(p -> snapshots(List.of(p)).get(0));
	}

	/** One metric's samples for a pool, oldest first, within [from, to). */
	public List<MetricSample> history(PoolId id, Metric metric, Instant from, Instant to) {
		return this.samples.series(id.toString(), metric, from, to);
	}

	/**
	 * One metric's history at a resolution: raw samples, or hourly or daily rollups (kept
	 * for years).
	 */
	public List<HistoryPoint> history(PoolId id, Metric metric, Resolution resolution, Instant from, Instant to) {
		if (resolution == Resolution.RAW) {
			return history(id, metric, from, to).stream()
				.map(s -> new HistoryPoint(s.observedAt(), s.value(), s.value(), s.value(), 1))
				.toList();
		}
		return this.samples.rollups(id.toString(), metric, resolution, from, to);
	}

}
