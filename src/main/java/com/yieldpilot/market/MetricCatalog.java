package com.yieldpilot.market;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.market.internal.store.PoolRegistry;
import com.yieldpilot.market.internal.store.SampleStore;
import com.yieldpilot.shared.PoolId;

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

	/** The metrics a rule may read for this pool; empty for an unknown pool. */
	public Set<Metric> metrics(PoolId id) {
		Set<Metric> metrics = EnumSet.noneOf(Metric.class);
		if (this.registry.find(id).isEmpty()) {
			return metrics;
		}
		this.samples.latest(List.of(id.toString(), MetricSample.chainSubject(id.chain())))
			.forEach(s -> metrics.add(s.metric()));
		return metrics;
	}

	/**
	 * Known pool ids closest to a mistyped one, best first: the "did you mean" of rule
	 * errors.
	 */
	public List<PoolId> suggestions(String text, int max) {
		String wanted = text.toLowerCase(Locale.ROOT);
		return this.registry.all()
			.stream()
			.map(PoolDescriptor::id)
			.sorted(Comparator.comparingInt((PoolId id) -> distance(wanted, id.toString().toLowerCase(Locale.ROOT)))
				.thenComparing(PoolId::toString))
			.filter(id -> distance(wanted, id.toString().toLowerCase(Locale.ROOT)) <= Math.max(3, wanted.length() / 3))
			.limit(max)
			.toList();
	}

	/** Levenshtein distance: edits needed to turn one text into the other. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
