package com.yieldpilot.rules.internal.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.market.LiveMarket;
import com.yieldpilot.market.LiveValue;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricCatalog;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.SeriesKey;
import com.yieldpilot.market.WindowAggregate;
import com.yieldpilot.rules.internal.engine.Reading;
import com.yieldpilot.rules.internal.engine.TermKey;
import org.jspecify.annotations.Nullable;

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

	/** The subject of a farmer's own term: {@code vault:<owner>/<asset or pool>}. */
	static final String VAULT_PREFIX = "vault:";

	private final LiveMarket live;

	private final MetricCatalog catalog;

	private volatile @Nullable Map<String, List<String>> assetPools;

	private final VaultReadings vaults;

	MarketReadings(LiveMarket live, MetricCatalog catalog, VaultReadings vaults) {
		this.live = live;
		this.catalog = catalog;
		this.vaults = vaults;
	}

	/**
	 * A farmer's own term's subject: the owner makes it theirs alone in a shared shard.
	 */
	static String vaultSubject(UserId owner, String subject) {
		return VAULT_PREFIX + owner + "/" + subject;
	}

	/** Brings the live market up to date with every node's ingests. */
	public void sync() {
		this.live.sync();
		this.assetPools = null;
	}

	/**
	 * Registered pools by asset symbol, read from the registry once per evaluation and
	 * only when an asset's term is read, not once per term.
	 */
	private Map<String, List<String>> poolsByAsset() {
		Map<String, List<String>> pools = this.assetPools;
		if (pools == null) {
			Map<String, List<String>> read = new HashMap<>();
			for (PoolDescriptor pool : this.catalog.pools()) {
				read.computeIfAbsent(pool.id().asset().toUpperCase(Locale.ROOT), a -> new ArrayList<>())
					.add(pool.id().toString());
			}
			pools = Map.copyOf(read);
			this.assetPools = pools;
		}
		return pools;
	}

	/** The value behind a term, with where it came from, if there is one. */
	public Optional<LiveValue> value(TermKey key) {
		if (key.subject().startsWith(VAULT_PREFIX)) {
			return vaultValue(key);
		}
		Optional<Metric> metric = Metric.byRuleName(key.metric());
		if (metric.isEmpty()) {
			return Optional.empty();
		}
		if (key.subject().startsWith(ASSET_PREFIX)) {
			String symbol = key.subject().substring(ASSET_PREFIX.length()).toUpperCase(Locale.ROOT);
			return poolsByAsset().getOrDefault(symbol, List.of())
				.stream()
				.map(pool -> one(new SeriesKey(pool, metric.get()), key))
				.flatMap(Optional::stream)
				.min(Comparator.comparing(LiveValue::stale)
					.thenComparing(LiveValue::observedAt, Comparator.reverseOrder()));
		}
		return one(new SeriesKey(key.subject(), metric.get()), key);
	}

	/** {@code balance} and {@code position}: latest values only, windows are unknown. */
	private Optional<LiveValue> vaultValue(TermKey key) {
		String rest = key.subject().substring(VAULT_PREFIX.length());
		int slash = rest.indexOf('/');
		if (slash < 0 || key.aggregate() != null) {
			return Optional.empty();
		}
		UserId owner = new UserId(UUID.fromString(rest.substring(0, slash)));
		String subject = rest.substring(slash + 1);
		return switch (key.metric()) {
			case "balance" -> this.vaults.balance(owner,
					subject.startsWith(ASSET_PREFIX) ? subject.substring(ASSET_PREFIX.length()) : subject);
			case "position" -> this.vaults.position(owner, subject);
			default -> Optional.empty();
		};
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
