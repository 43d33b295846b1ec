package com.yieldpilot.rules.internal.runtime;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.market.LiveValue;
import com.yieldpilot.market.Source;
import com.yieldpilot.vault.Portfolio;
import com.yieldpilot.vault.Position;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultReadException;
import com.yieldpilot.vault.Vaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The farmer's own numbers for {@code balance(<asset>)} (the vault's idle funds) and
 * {@code position(<pool>)} (the value of the vault's shares in the pool), in dollars for
 * dollar stablecoins. Each farmer's vaults are read on chain at most once a minute; a
 * failed read is unknown for that minute, so a dead RPC neither fires a rule nor is
 * hammered by every evaluation.
 */
@Component
class VaultReadings {

	private static final Logger log = LoggerFactory.getLogger(VaultReadings.class);

	static final Duration REFRESH = Duration.ofMinutes(1);

	/** Assets whose unit is worth one dollar for these readings. */
	private static final Set<String> DOLLARS = Set.of("USDC", "USDT", "DAI", "USDS", "PYUSD");

	private final Vaults vaults;

	private final Clock clock;

	private final Map<UserId, Read> reads = new ConcurrentHashMap<>();

	VaultReadings(Vaults vaults, Clock clock) {
		this.vaults = vaults;
		this.clock = clock;
	}

	Optional<LiveValue> balance(UserId owner, String asset) {
		String symbol = asset.toUpperCase(Locale.ROOT);
		Read read = read(owner);
		if (read.portfolios.isEmpty() || !DOLLARS.contains(symbol)) {
			return Optional.empty();
		}
		BigDecimal idle = read.portfolios.stream()
			.filter(p -> p.assetSymbol().equalsIgnoreCase(symbol))
			.map(Portfolio::idle)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return Optional.of(new LiveValue(idle.doubleValue(), read.at, Source.CHAIN, null, false));
	}

	Optional<LiveValue> position(UserId owner, String pool) {
		Read read = read(owner);
		if (read.portfolios.isEmpty()) {
			return Optional.empty();
		}
		BigDecimal value = BigDecimal.ZERO;
		for (Portfolio portfolio : read.portfolios) {
			for (Position position : portfolio.positions()) {
				if (position.pool() != null && position.pool().toString().equals(pool)) {
					if (!DOLLARS.contains(portfolio.assetSymbol().toUpperCase(Locale.ROOT))) {
						return Optional.empty();
					}
					value = value.add(position.assets());
				}
			}
		}
		return Optional.of(new LiveValue(value.doubleValue(), read.at, Source.CHAIN, null, false));
	}

	private Read read(UserId owner) {
		Instant now = this.clock.instant();
		Read cached = this.reads.get(owner);
		if (cached != null && cached.at.plus(REFRESH).isAfter(now)) {
			return cached;
		}
		Read fresh;
		try {
			List<Vault> owned = this.vaults.vaults(owner);
			fresh = new Read(now, owned.stream().map(this.vaults::portfolio).toList());
		}
		catch (VaultReadException ex) {
			log.warn("Vault positions of {} are unknown for a minute: {}", owner, ex.getMessage());
			fresh = new Read(now, List.of());
		}
		this.reads.put(owner, fresh);
		return fresh;
	}

	/** What one read found: no portfolio means unknown. */
	private record Read(Instant at, List<Portfolio> portfolios) {

	}

}
