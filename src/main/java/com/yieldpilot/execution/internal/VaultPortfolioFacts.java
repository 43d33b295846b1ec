package com.yieldpilot.execution.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.yieldpilot.execution.PortfolioFacts;
import com.yieldpilot.execution.PortfolioView;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.IntentProposed;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.vault.Portfolio;
import com.yieldpilot.vault.Portfolios;
import com.yieldpilot.vault.Position;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultReadException;
import com.yieldpilot.vault.Vaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The guardrails' portfolio from the farmer's vaults: positions and idle funds read on
 * chain, in dollars for dollar stablecoins, and the drawdown from the vault module's
 * snapshots. A vault in another asset, or a chain that cannot be read, makes the
 * portfolio unknown rather than guessed, so the guardrails that need it do not engage on
 * a wrong number.
 */
@Component
class VaultPortfolioFacts implements PortfolioFacts {

	private static final Logger log = LoggerFactory.getLogger(VaultPortfolioFacts.class);

	private static final Set<String> DOLLARS = Set.of("USDC", "USDT", "DAI", "USDS", "PYUSD");

	private final Vaults vaults;

	private final Portfolios portfolios;

	VaultPortfolioFacts(Vaults vaults, Portfolios portfolios) {
		this.vaults = vaults;
		this.portfolios = portfolios;
	}

	/**
	 * Starts reading the farmer's vaults as soon as an intent is proposed, still inside
	 * the proposing transaction: the review runs only after that commits and the registry
	 * hands it over, and by then it finds the vaults read at the newest block (or waits
	 * for the read under way) instead of starting four round trips to the chain. A
	 * proposal rolled back wasted one read.
	 */
	@EventListener
	void on(IntentProposed proposed) {
		this.vaults.prefetch(proposed.intent().owner());
	}

	@Override
	public PortfolioView portfolio(UserId owner, Duration drawdownWindow) {
		BigDecimal drawdown = this.portfolios.drawdown(owner, drawdownWindow)
			.map(d -> d.max(BigDecimal.ZERO).min(BigDecimal.ONE))
			.orElse(null);
		List<Vault> owned = this.vaults.vaults(owner);
		if (owned.isEmpty()) {
			return new PortfolioView(null, null, Map.of(), drawdown);
		}
		BigDecimal idle = BigDecimal.ZERO;
		Map<PoolId, BigDecimal> positions = new HashMap<>();
		try {
			for (Vault vault : owned) {
				if (!DOLLARS.contains(vault.assetSymbol().toUpperCase(Locale.ROOT))) {
					return new PortfolioView(null, null, Map.of(), drawdown);
				}
				Portfolio portfolio = this.vaults.portfolio(vault);
				idle = idle.add(portfolio.idle());
				for (Position position : portfolio.positions()) {
					if (position.pool() != null) {
						positions.merge(position.pool(), position.assets(), BigDecimal::add);
					}
				}
			}
		}
		catch (VaultReadException ex) {
			log.warn("The portfolio of {} is unknown to the guardrails: {}", owner, ex.getMessage());
			return new PortfolioView(null, null, Map.of(), drawdown);
		}
		BigDecimal value = positions.values().stream().reduce(idle, BigDecimal::add);
		return new PortfolioView(value, idle, positions, drawdown);
	}

}
