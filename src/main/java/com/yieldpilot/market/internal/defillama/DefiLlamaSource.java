package com.yieldpilot.market.internal.defillama;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketBatch;
import com.yieldpilot.market.internal.ingest.MarketSource;
import com.yieldpilot.market.internal.store.PoolRegistry;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DefiLlama's {@code /pools} as a market source, polled at most once per interval
 * (DefiLlama itself updates about hourly). Pools already in the registry keep their id;
 * others are watched read-only under a readable id built from project, chain and symbol,
 * with the first characters of DefiLlama's id as qualifier when two pools would share it.
 */
public class DefiLlamaSource implements MarketSource {

	private static final Logger log = LoggerFactory.getLogger(DefiLlamaSource.class);

	private final DefiLlamaClient client;

	private final PoolRegistry registry;

	private final Duration interval;

	private @Nullable Instant lastPoll;

	public DefiLlamaSource(DefiLlamaClient client, PoolRegistry registry, Duration interval) {
		this.client = client;
		this.registry = registry;
		this.interval = interval;
	}

	@Override
	public String name() {
		return DefiLlamaClient.NAME;
	}

	@Override
	public String circuitState() {
		return this.client.state().name();
	}

	@Override
	public synchronized Optional<MarketBatch> poll(Instant now) {
		if (this.lastPoll != null && now.isBefore(this.lastPoll.plus(this.interval))) {
			return Optional.empty();
		}
		List<DefiLlamaPool> pools = new ArrayList<>();
		BatchReport report = this.client.fetchPools(pools::add);
		this.lastPoll = now;
		if (report.skippedCount() > 0) {
			log.info("DefiLlama: accepted {} of {} pools; skipped {} (first: {})", report.accepted(), report.read(),
					report.skippedCount(), report.skipped().isEmpty() ? "-" : report.skipped().get(0).reason());
		}
		return Optional.of(toBatch(pools, now));
	}

	/**
	 * Maps parsed pools to one batch observed at {@code now}; public for the benchmarks,
	 * which feed it without an HTTP round trip.
	 */
	public MarketBatch toBatch(List<DefiLlamaPool> pools, Instant now) {
		Map<String, PoolId> known = this.registry.byDefiLlamaId();
		Map<PoolId, Integer> baseIds = new HashMap<>();
		for (DefiLlamaPool pool : pools) {
			if (!known.containsKey(pool.poolId())) {
				readableId(pool, null).ifPresent(id -> baseIds.merge(id, 1, Integer::sum));
			}
		}
		List<PoolDescriptor> descriptors = new ArrayList<>();
		List<MetricSample> samples = new ArrayList<>();
		Set<PoolId> used = new HashSet<>(known.values());
		for (DefiLlamaPool pool : pools) {
			PoolId id = known.get(pool.poolId());
			if (id == null) {
				Optional<PoolId> base = readableId(pool, null);
				boolean unique = base.isPresent() && baseIds.get(base.get()) == 1 && !used.contains(base.get());
				id = (unique ? base : readableId(pool, pool.poolId().replace("-", "").substring(0, 8))).orElse(null);
				if (id == null || !used.add(id)) {
					continue;
				}
				descriptors
					.add(new PoolDescriptor(id, pool.poolId(), null, pool.stablecoin(), PoolDescriptor.Origin.WATCHED));
			}
			String subject = id.toString();
			add(samples, subject, Metric.APY, pool.apy(), now);
			add(samples, subject, Metric.APY_BASE, pool.apyBase(), now);
			add(samples, subject, Metric.APY_REWARD, pool.apyReward(), now);
			add(samples, subject, Metric.TVL, pool.tvlUsd(), now);
		}
		return new MarketBatch(Source.DEFILLAMA, now, descriptors, samples);
	}

	/**
	 * {@code project:chain:symbol[:qualifier]}, or empty when DefiLlama's names cannot
	 * make a valid id.
	 */
	static Optional<PoolId> readableId(DefiLlamaPool pool, @Nullable String qualifier) {
		String protocol = slug(pool.project());
		String chain = slug(pool.chain());
		String asset = pool.symbol().replaceAll("[^A-Za-z0-9.+_-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
		if (asset.length() > 40) {
			asset = asset.substring(0, 40);
		}
		try {
			return Optional.of(new PoolId(protocol, chain, asset, qualifier));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static String slug(String name) {
		String slug = name.toLowerCase(Locale.ROOT).strip().replaceAll("[^a-z0-9.-]+", "-");
		return (slug.length() > 40) ? slug.substring(0, 40) : slug;
	}

	private static void add(List<MetricSample> samples, String subject, Metric metric, @Nullable Double value,
			Instant at) {
		if (value != null && Double.isFinite(value)) {
			samples.add(new MetricSample(subject, metric, at, value, Source.DEFILLAMA, null));
		}
	}

}
