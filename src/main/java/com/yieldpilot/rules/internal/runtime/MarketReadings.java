package com.yieldpilot.rules.internal.runtime;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.yieldpilot.market.LiveMarket;
import com.yieldpilot.market.LiveValue;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricCatalog;
import com.yieldpilot.market.SeriesKey;
import com.yieldpilot.market.WindowAggregate;
import com.yieldpilot.rules.internal.engine.Reading;
import com.yieldpilot.rules.internal.engine.TermKey;

import org.springframework.stereotype.Component;

/**
 * Reads the terms rules use from the live market. A stale or missing value is unknown, so
 * it never makes a rule fire. An asset's price is the freshest price among registered
 * pools of that asset. The vault's own balance and positions are unknown until the vault
 * module provides them.
 */
@Component
public class MarketReadings {

	static final String ASSET_PREFIX = "asset:";

	private final LiveMarket live;

	private final MetricCatalog catalog;

	MarketReadings(LiveMarket live, MetricCatalog catalog) {
		this.live = live;
		this.catalog = catalog;
	}

	/** Brings the live market up to date with every node's ingests. */
	public void sync() {
		this.live.sync();
	}

	/** The value behind a term, with where it came from, if there is one. */
	public Optional<LiveValue> value(TermKey key) {
		Optional<Metric> metric = Metric.byRuleName(key.metric());
		if (metric.isEmpty()) {
			// balance and position: the vault's own numbers
			return Optional.empty();
		}
		if (key.subject().startsWith(ASSET_PREFIX)) {
			String symbol = key.subject().substring(ASSET_PREFIX.length()).toUpperCase(Locale.ROOT);
			return this.catalog.pools()
				.stream()
				.filter(p -> p.id().asset().toUpperCase(Locale.ROOT).equals(symbol))
				.map(p -> one(new SeriesKey(p.id().toString(), metric.get()), key))
				.flatMap(Optional::stream)
				.min(Comparator.comparing(LiveValue::stale)
					.thenComparing(LiveValue::observedAt, Comparator.reverseOrder()));
		}
		return one(new SeriesKey(key.subject(), metric.get()), key);
	}

	private Optional<LiveValue> one(SeriesKey series, TermKey key) {
		if (key.aggregate() == null || key.window() == null) {
			return this.live.latest(series);
		}
		return this.live.window(series, aggregate(key.aggregate()), key.window());
	}

	/** The engine's reading of a value: unknown when missing or stale. */
	public static Reading reading(Optional<LiveValue> value) {
		return value.filter(v -> !v.stale() && Double.isFinite(v.value()))
			.map(v -> Reading.of(v.value(), v.observedAt()))
			.orElse(Reading.UNKNOWN);
	}

	private static WindowAggregate aggregate(TermKey.Aggregate aggregate) {
		return switch (aggregate) {
			case AVG -> WindowAggregate.AVG;
			case MIN -> WindowAggregate.MIN;
			case MAX -> WindowAggregate.MAX;
			case CHANGE -> WindowAggregate.CHANGE;
			case PCT_CHANGE -> WindowAggregate.PCT_CHANGE;
		};
	}

}
