package com.yieldpilot.market.internal.trust;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.yieldpilot.market.Disagreement;
import com.yieldpilot.market.MarketUpdated;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.PoolBecameConsistent;
import com.yieldpilot.market.PoolBecameInconsistent;
import com.yieldpilot.market.PoolInconsistency;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.store.Comparison;
import com.yieldpilot.market.internal.store.CrossCheckStore;
import com.yieldpilot.market.internal.store.SampleStore;
import com.yieldpilot.shared.PoolId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares the latest values of the pools in each stored batch from a reference source or
 * the chain. It listens synchronously, so it runs in the transaction that stored the
 * batch: the samples, the verdict and its {@link PoolBecameInconsistent} or
 * {@link PoolBecameConsistent} event commit together, and nothing that reacts to
 * {@code MarketUpdated} can see the new values without the verdict.
 */
@Component
@EnableConfigurationProperties(CrossCheckProperties.class)
class CrossCheck {

	private static final Logger log = LoggerFactory.getLogger(CrossCheck.class);

	private static final int CHUNK = 1000;

	private final SampleStore samples;

	private final CrossCheckStore store;

	private final CrossCheckProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CrossCheck(SampleStore samples, CrossCheckStore store, CrossCheckProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.samples = samples;
		this.store = store;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	void on(MarketUpdated updated) {
		if (this.properties.enabled()
				&& (updated.source() == Source.CHAIN || this.properties.references().contains(updated.source()))) {
			check(updated.pools());
		}
	}

	/** Compares what the pools' sources report now; returns the comparisons made. */
	@Transactional
	List<Comparison> check(List<PoolId> pools) {
		List<Comparison> made = new ArrayList<>();
		for (int start = 0; start < pools.size(); start += CHUNK) {
			made.addAll(checkChunk(pools.subList(start, Math.min(pools.size(), start + CHUNK))));
		}
		return made;
	}

	private List<Comparison> checkChunk(List<PoolId> pools) {
		Map<String, PoolId> bySubject = pools.stream()
			.collect(Collectors.toMap(PoolId::toString, Function.identity(), (a, b) -> a));
		Map<PoolId, Map<Metric, Map<Source, MetricSample>>> latest = new HashMap<>();
		for (MetricSample sample : this.samples.latest(bySubject.keySet())) {
			if (this.properties.tolerance(sample.metric()).isPresent() && relevant(sample.source())) {
				latest.computeIfAbsent(bySubject.get(sample.subject()), p -> new HashMap<>())
					.computeIfAbsent(sample.metric(), m -> new HashMap<>())
					.put(sample.source(), sample);
			}
		}
		Instant now = this.clock.instant();
		List<Comparison> fresh = new ArrayList<>();
		latest.forEach((pool, metrics) -> metrics.forEach((metric, sources) -> {
			MetricSample chain = sources.get(Source.CHAIN);
			if (chain == null) {
				return;
			}
			double tolerance = this.properties.tolerance(metric).orElseThrow();
			for (Source reference : this.properties.references()) {
				MetricSample value = sources.get(reference);
				if (value != null) {
					CrossCheckRules.compare(pool, value, chain, tolerance, this.properties.maxSkew(), now)
						.ifPresent(fresh::add);
				}
			}
		}));
		if (fresh.isEmpty()) {
			return fresh;
		}
		Set<PoolId> compared = fresh.stream()
			.map(Comparison::pool)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Map<String, Comparison> before = new LinkedHashMap<>();
		this.store.comparisons(compared).forEach(c -> before.put(key(c), c));
		Map<String, Comparison> after = new LinkedHashMap<>(before);
		List<Comparison> saved = new ArrayList<>();
		for (Comparison comparison : fresh) {
			Comparison previous = before.get(key(comparison));
			// a verdict that did not change keeps the date it was first reached
			Comparison current = (previous != null && previous.consistent() == comparison.consistent())
					? comparison.since(previous.since()) : comparison;
			after.put(key(current), current);
			saved.add(current);
		}
		this.store.save(saved);
		for (PoolId pool : compared) {
			announce(pool, disagreements(before, pool), disagreements(after, pool), fresh);
		}
		return saved;
	}

	private void announce(PoolId pool, List<Disagreement> before, List<Disagreement> after, List<Comparison> fresh) {
		if (before.isEmpty() && !after.isEmpty()) {
			PoolInconsistency inconsistency = PoolInconsistency.of(pool, after);
			log.warn("Pool marked inconsistent: {}", inconsistency.reason());
			this.events.publishEvent(new PoolBecameInconsistent(pool, inconsistency));
		}
		else if (!before.isEmpty() && after.isEmpty()) {
			Instant since = PoolInconsistency.of(pool, before).since();
			Instant at = fresh.stream()
				.filter(c -> c.pool().equals(pool))
				.map(Comparison::since)
				.max(Instant::compareTo)
				.orElseGet(this.clock::instant);
			log.info("Pool {} is consistent again (inconsistent since {})", pool, since);
			this.events.publishEvent(new PoolBecameConsistent(pool, since, at));
		}
	}

	private static List<Disagreement> disagreements(Map<String, Comparison> comparisons, PoolId pool) {
		return comparisons.values()
			.stream()
			.filter(c -> c.pool().equals(pool) && !c.consistent())
			.map(Comparison::disagreement)
			.toList();
	}

	private boolean relevant(Source source) {
		return source == Source.CHAIN || this.properties.references().contains(source);
	}

	private static String key(Comparison c) {
		return c.pool() + "|" + c.metric() + "|" + c.reference();
	}

}
