package com.yieldpilot.market.internal.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.Resolution;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.store.RollupBucket;
import com.yieldpilot.market.internal.store.RollupStore;
import com.yieldpilot.market.internal.store.SampleStore;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a pool's past as {@link Source#IMPORT} samples, which are never fresh and never
 * become a pool's latest values, and rolls them up. Rows within the raw retention go into
 * the raw series (a sample already stored is left alone) and their whole hourly and daily
 * buckets are recomputed. Older rows would be dropped with their month by the next
 * housekeeping, so they go straight into rollup buckets, and only into buckets that do
 * not exist yet: what the application measured itself is never replaced by imported
 * history, and a rerun adds nothing.
 */
@Component
class HistoryWriter {

	private final SampleStore samples;

	private final RollupStore rollups;

	private final Clock clock;

	private final Duration rawRetention;

	HistoryWriter(SampleStore samples, RollupStore rollups, Clock clock,
			@Value("${yieldpilot.market.retention.raw:400d}") Duration rawRetention) {
		this.samples = samples;
		this.rollups = rollups;
		this.clock = clock;
		this.rawRetention = rawRetention;
	}

	/** What was stored: values in the rows, and how many of them were new. */
	record Written(int values, int stored) {
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Written write(PoolId pool, List<HistoryRow> rows) {
		String subject = pool.toString();
		Instant rawFrom = rawFrom();
		List<MetricSample> recent = new ArrayList<>();
		List<MetricSample> old = new ArrayList<>();
		for (HistoryRow row : rows) {
			List<MetricSample> target = row.at().isBefore(rawFrom) ? old : recent;
			add(target, subject, Metric.TVL, row.at(), row.tvlUsd());
			add(target, subject, Metric.APY, row.at(), row.apy());
			add(target, subject, Metric.APY_BASE, row.at(), row.apyBase());
			add(target, subject, Metric.APY_REWARD, row.at(), row.apyReward());
		}
		int stored = storeRaw(subject, recent) + storeRollupsOnly(old);
		return new Written(recent.size() + old.size(), stored);
	}

	/**
	 * The start of the oldest month whose raw samples housekeeping keeps: it drops whole
	 * months that ended before now minus the retention.
	 */
	private Instant rawFrom() {
		Instant horizon = this.clock.instant().minus(this.rawRetention);
		return YearMonth.from(horizon.atOffset(ZoneOffset.UTC)).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
	}

	private int storeRaw(String subject, List<MetricSample> recent) {
		if (recent.isEmpty()) {
			return 0;
		}
		Instant first = recent.stream().map(MetricSample::observedAt).min(Comparator.naturalOrder()).orElseThrow();
		Instant last = recent.stream().map(MetricSample::observedAt).max(Comparator.naturalOrder()).orElseThrow();
		this.samples.ensurePartitions(first, last);
		int stored = this.samples.appendHistory(recent);
		this.rollups.rollup(subject, Resolution.HOUR, first, last);
		this.rollups.rollup(subject, Resolution.DAY, first, last);
		return stored;
	}

	private int storeRollupsOnly(List<MetricSample> old) {
		if (old.isEmpty()) {
			return 0;
		}
		List<RollupBucket> buckets = new ArrayList<>(buckets(old, Resolution.HOUR));
		buckets.addAll(buckets(old, Resolution.DAY));
		return this.rollups.addRollupsIfAbsent(buckets)
			.stream()
			.filter(b -> b.resolution() == Resolution.DAY)
			.mapToInt(RollupBucket::samples)
			.sum();
	}

	/** The buckets of samples of one subject, as {@code market_rollup} computes them. */
	static List<RollupBucket> buckets(List<MetricSample> samples, Resolution resolution) {
		ChronoUnit unit = (resolution == Resolution.HOUR) ? ChronoUnit.HOURS : ChronoUnit.DAYS;
		Map<String, List<MetricSample>> grouped = new LinkedHashMap<>();
		for (MetricSample s : samples) {
			grouped.computeIfAbsent(s.metric() + "|" + s.observedAt().truncatedTo(unit), k -> new ArrayList<>()).add(s);
		}
		List<RollupBucket> buckets = new ArrayList<>(grouped.size());
		for (List<MetricSample> bucket : grouped.values()) {
			MetricSample first = bucket.get(0);
			double sum = 0;
			double min = Double.POSITIVE_INFINITY;
			double max = Double.NEGATIVE_INFINITY;
			MetricSample newest = first;
			for (MetricSample s : bucket) {
				sum += s.value();
				min = Math.min(min, s.value());
				max = Math.max(max, s.value());
				newest = s.observedAt().isAfter(newest.observedAt()) ? s : newest;
			}
			buckets
				.add(new RollupBucket(first.subject(), first.metric(), resolution, first.observedAt().truncatedTo(unit),
						sum / bucket.size(), min, max, newest.value(), bucket.size()));
		}
		return buckets;
	}

	private static void add(List<MetricSample> samples, String subject, Metric metric, Instant at,
			@Nullable Double value) {
		if (value != null) {
			samples.add(new MetricSample(subject, metric, at, value, Source.IMPORT, null));
		}
	}

}
