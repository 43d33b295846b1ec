package com.yieldpilot.execution.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
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
import com.yieldpilot.vault.VaultSnapshot;
import com.yieldpilot.vault.Vaults;
import org.jspecify.annotations.Nullable;
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
		PortfolioView view = portfolios(List.of(owner), drawdownWindow).get(owner);
		if (view == null) {
			throw new IllegalStateException("The portfolio of " + owner + " could not be read");
		}
		return view;
	}

	/**
	 * The owners' drawdowns and vaults in one query each, and every dollar vault of
	 * theirs in one batched read per chain ({@link Vaults#snapshots}). When that read
	 * fails, each owner's vaults are read again on their own, so a chain that cannot be
	 * read makes only its owners' portfolios unknown.
	 */
	@Override
	public Map<UserId, PortfolioView> portfolios(Collection<UserId> owners, Duration drawdownWindow) {
		Map<UserId, BigDecimal> drawdowns = new HashMap<>();
		this.portfolios.drawdowns(owners, drawdownWindow)
			.forEach((owner, d) -> drawdowns.put(owner, d.max(BigDecimal.ZERO).min(BigDecimal.ONE)));
		Map<UserId, List<Vault>> owned = this.vaults.vaults(owners);
		Map<UserId, PortfolioView> views = new HashMap<>();
		List<Vault> readable = new ArrayList<>();
		for (UserId owner : owners) {
			List<Vault> theirs = owned.getOrDefault(owner, List.of());
			if (theirs.isEmpty() || !theirs.stream().allMatch(VaultPortfolioFacts::inDollars)) {
				views.put(owner, new PortfolioView(null, null, Map.of(), drawdowns.get(owner)));
			}
			else {
				readable.addAll(theirs);
			}
		}
		if (readable.isEmpty()) {
			return views;
		}
		try {
			List<VaultSnapshot> read = this.vaults.snapshots(readable);
			Map<UserId, List<Portfolio>> byOwner = new HashMap<>();
			for (int i = 0; i < readable.size(); i++) {
				byOwner.computeIfAbsent(readable.get(i).user(), u -> new ArrayList<>()).add(read.get(i).portfolio());
			}
			byOwner.forEach((owner, held) -> views.put(owner, view(held, drawdowns.get(owner))));
		}
		catch (RuntimeException ex) {
			log.debug("The batched read of {} vaults failed; reading them owner by owner", readable.size(), ex);
			readable.stream()
				.map(Vault::user)
				.distinct()
				.forEach(owner -> readAlone(owner, owned.get(owner), drawdowns.get(owner), views));
		}
		return views;
	}

	/**
	 * One owner's vaults: unknown when the chain cannot be read; left out (reviewed again
	 * later) on any other failure.
	 */
	private void readAlone(UserId owner, List<Vault> theirs, @Nullable BigDecimal drawdown,
			Map<UserId, PortfolioView> views) {
		try {
			views.put(owner,
					view(this.vaults.snapshots(theirs).stream().map(VaultSnapshot::portfolio).toList(), drawdown));
		}
		catch (VaultReadException ex) {
			log.warn("The portfolio of {} is unknown to the guardrails: {}", owner, ex.getMessage());
			views.put(owner, new PortfolioView(null, null, Map.of(), drawdown));
		}
		catch (RuntimeException ex) {
			log.warn("The portfolio of {} could not be read; its intents are reviewed again later", owner, ex);
		}
	}

	private static boolean inDollars(Vault vault) {
		return DOLLARS.contains(vault.assetSymbol().toUpperCase(Locale.ROOT));
	}

	private static PortfolioView view(List<Portfolio> held, @Nullable BigDecimal drawdown) {
		BigDecimal idle = BigDecimal.ZERO;
		Map<PoolId, BigDecimal> positions = new HashMap<>();
		for (Portfolio portfolio : held) {
			idle = idle.add(portfolio.idle());
			for (Position position : portfolio.positions()) {
				if (position.pool() != null) {
					positions.merge(position.pool(), position.assets(), BigDecimal::add);
				}
			}
		}
		BigDecimal value = positions.values().stream().reduce(idle, BigDecimal::add);
		return new PortfolioView(value, idle, positions, drawdown);
	}

}
