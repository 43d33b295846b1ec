package com.yieldpilot.vault.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.vault.Portfolio;
import com.yieldpilot.vault.Position;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultId;
import com.yieldpilot.vault.VaultReadException;
import com.yieldpilot.vault.VaultSnapshot;
import com.yieldpilot.vault.VaultState;
import com.yieldpilot.vault.Vaults;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class VaultService implements Vaults {

	private static final Logger log = LoggerFactory.getLogger(VaultService.class);

	private final VaultRepository repository;

	private final VaultChains chains;

	private final VaultChainReader reader = new VaultChainReader();

	private static final int PREFETCHING = 4;

	private final Semaphore prefetching = new Semaphore(PREFETCHING);

	/** Where {@link #prefetch} reads: a virtual thread per prefetch. */
	private final ExecutorService background = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("vault-prefetch-", 0).factory());

	private final TargetPools pools;

	VaultService(VaultRepository repository, VaultChains chains, TargetPools pools) {
		this.repository = repository;
		this.chains = chains;
		this.pools = pools;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Vault> vaults(UserId user) {
		return this.repository.byUser(user);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UserId, List<Vault>> vaults(Collection<UserId> users) {
		Map<UserId, List<Vault>> byUser = new java.util.LinkedHashMap<>();
		users.forEach((u) -> byUser.put(u, new java.util.ArrayList<>()));
		this.repository.byUsers(Set.copyOf(users)).forEach((v) -> byUser.get(v.user()).add(v));
		return byUser;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Vault> vault(UserId user, long chainId) {
		return this.repository.byUserAndChain(user, chainId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Vault> vault(UserId user, VaultId id) {
		return this.repository.byUser(user).stream().filter((v) -> v.id().equals(id)).findFirst();
	}

	@Override
	public VaultState state(Vault vault) {
		return VaultViews.state(this.chains.client(vault.chainId()), vault);
	}

	/**
	 * What the vault holds now, from its {@link #snapshot}: the guardrails read it to
	 * review an intent and the plan reads the snapshot right after, at the same block
	 * when none came in between, so the plan's amounts are the reviewed ones.
	 */
	@Override
	public Portfolio portfolio(Vault vault) {
		return snapshot(vault).portfolio();
	}

	@Override
	public VaultSnapshot snapshot(Vault vault) {
		VaultChainReader.Snapshot read = this.reader.snapshot(this.chains.client(vault.chainId()), vault);
		return new VaultSnapshot(read.state(),
				portfolio(vault, read.holdings(), this.repository.deposits(vault.id()).net()));
	}

	@Override
	public List<VaultSnapshot> snapshots(List<Vault> vaults) {
		if (vaults.size() == 1) {
			return List.of(snapshot(vaults.getFirst()));
		}
		Map<Long, List<Vault>> byChain = new java.util.LinkedHashMap<>();
		vaults.forEach((v) -> byChain.computeIfAbsent(v.chainId(), (c) -> new java.util.ArrayList<>()).add(v));
		Map<VaultId, VaultRepository.Deposits> deposits = this.repository
			.deposits(vaults.stream().map(Vault::id).toList());
		Map<Vault, VaultSnapshot> read = new java.util.HashMap<>();
		byChain.forEach((chain, onChain) -> {
			List<VaultChainReader.Snapshot> snapshots = this.reader.snapshots(this.chains.client(chain), onChain);
			for (int i = 0; i < onChain.size(); i++) {
				Vault vault = onChain.get(i);
				VaultRepository.Deposits net = deposits.get(vault.id());
				if (net == null) {
					throw new VaultReadException("Vault " + vault.address() + " is no longer registered",
							new java.util.NoSuchElementException(vault.id().toString()));
				}
				read.put(vault, new VaultSnapshot(snapshots.get(i).state(),
						portfolio(vault, snapshots.get(i).holdings(), net.net())));
			}
		});
		return vaults.stream().map(read::get).toList();
	}

	private Portfolio portfolio(Vault vault, VaultChainReader.Holdings holdings, BigInteger netDeposits) {
		Map<String, PoolId> known = this.pools.on(vault.chainId());
		int decimals = vault.assetDecimals();
		List<Position> positions = holdings.positions()
			.stream()
			.map((h) -> new Position(h.target(), known.get(h.target().toLowerCase()), h.shares(),
					VaultChainReader.amount(h.assets(), decimals)))
			.toList();
		BigDecimal net = VaultChainReader.amount(netDeposits, decimals);
		return new Portfolio(vault.id(), vault.assetSymbol(), holdings.block(),
				VaultChainReader.amount(holdings.idle(), decimals), positions,
				VaultChainReader.amount(holdings.total(), decimals), net);
	}

	/**
	 * At most {@value #PREFETCHING} prefetches at once, and none waits for a turn: each
	 * takes a database connection for a moment, and a burst of a hundred firings must not
	 * take the pool from the reviews they are meant to speed up (the fleet benchmark ran
	 * out of connections). A prefetch left out costs its review one read of its own.
	 */
	@Override
	public void prefetch(UserId user) {
		if (!this.prefetching.tryAcquire()) {
			return;
		}
		this.background.execute(() -> {
			try {
				for (Vault vault : vaults(user)) {
					this.reader.snapshot(this.chains.client(vault.chainId()), vault);
				}
			}
			catch (RuntimeException ex) {
				log.debug("Prefetching the vaults of {} failed; the next read makes its own: {}", user,
						ex.getMessage());
			}
			finally {
				this.prefetching.release();
			}
		});
	}

	@PreDestroy
	void stop() {
		this.background.shutdown();
	}

	@Override
	public Optional<String> target(Vault vault, PoolId pool) {
		return this.pools.on(vault.chainId())
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(pool))
			.map(Map.Entry::getKey)
			.findFirst();
	}

}
