package com.yieldpilot.vault.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.vault.PortfolioPoint;
import com.yieldpilot.vault.Portfolios;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Portfolio snapshots: each vault's value on chain and the owner's net deposits from its
 * events, stored per run; and the drawdown the guardrails read.
 */
@Service
class PortfolioService implements Portfolios {

	private static final Logger log = LoggerFactory.getLogger(PortfolioService.class);

	private final VaultRepository repository;

	private final VaultChains chains;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PortfolioService(VaultRepository repository, VaultChains chains, TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.chains = chains;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Takes one snapshot of every vault, all stamped with the same instant. A vault whose
	 * chain cannot be read is skipped until the next run; a run repeated at the same
	 * instant (Quartz is at-least-once) stores nothing twice.
	 */
	void snapshotAll() {
		Instant at = this.clock.instant();
		int taken = 0;
		List<Vault> vaults = this.repository.all();
		for (Vault vault : vaults) {
			try {
				snapshot(vault, at);
				taken++;
			}
			catch (RuntimeException ex) {
				log.warn("Portfolio snapshot of vault {} skipped: {}", vault.address(), ex.getMessage());
			}
		}
		log.debug("Portfolio snapshots: {} of {} vaults at {}", taken, vaults.size(), at);
	}

	void snapshot(Vault vault, Instant at) {
		Web3j web3j = this.chains.client(vault.chainId());
		VaultChainReader.Holdings holdings = VaultViews.holdings(web3j, vault);
		VaultRepository.Deposits known = this.repository.deposits(vault.id());
		BigInteger net = VaultFlows.netDeposits(web3j, vault, known.net(), known.scannedBlock(), holdings.block());
		this.transactions.executeWithoutResult((status) -> {
			this.repository.updateDeposits(vault.id(),
					new VaultRepository.Deposits(net, Math.max(known.scannedBlock(), holdings.block())));
			this.repository.insertSnapshot(vault.id(), at, holdings.block(), holdings.total(), net);
		});
	}

	@Override
	public Optional<BigDecimal> drawdown(UserId user, Duration window) {
		List<VaultId> vaults = this.repository.byUser(user).stream().map(Vault::id).toList();
		if (vaults.isEmpty()) {
			return Optional.empty();
		}
		List<VaultRepository.Snapshot> snapshots = this.repository.snapshots(vaults,
				this.clock.instant().minus(window));
		return Drawdown.of(snapshots);
	}

	@Override
	public Map<UserId, BigDecimal> drawdowns(Collection<UserId> users, Duration window) {
		Map<UserId, BigDecimal> drawdowns = new HashMap<>();
		this.repository.snapshotsOfUsers(users, this.clock.instant().minus(window))
			.forEach((user, snapshots) -> Drawdown.of(snapshots).ifPresent((d) -> drawdowns.put(user, d)));
		return drawdowns;
	}

	@Override
	public List<PortfolioPoint> history(UserId user, VaultId vault, Duration window) {
		Optional<Vault> owned = this.repository.byUser(user).stream().filter((v) -> v.id().equals(vault)).findFirst();
		if (owned.isEmpty()) {
			return List.of();
		}
		int decimals = owned.get().assetDecimals();
		return this.repository.snapshots(List.of(vault), this.clock.instant().minus(window))
			.stream()
			.map((s) -> new PortfolioPoint(s.at(), VaultChainReader.amount(s.value(), decimals),
					VaultChainReader.amount(s.netDeposits(), decimals)))
			.toList();
	}

}
