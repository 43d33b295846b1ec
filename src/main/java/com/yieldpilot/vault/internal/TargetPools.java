package com.yieldpilot.vault.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.market.LocalDevnet;
import com.yieldpilot.market.MetricCatalog;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.shared.PoolId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Which pool an ERC-4626 target is on a chain, by its lower-case address: on local mode's
 * chain (where the devnet market runs) the simulated pools' vaults; on any other chain
 * the registry's pools (reviewed registry file or added by an admin) with a vault address
 * on that chain. Watched DefiLlama pools are never targets: YieldPilot only acts on
 * reviewed pools.
 */
@Component
class TargetPools {

	private final ObjectProvider<LocalChain> local;

	private final ObjectProvider<LocalDevnet> devnet;

	private final MetricCatalog catalog;

	private final VaultChains chains;

	TargetPools(ObjectProvider<LocalChain> local, ObjectProvider<LocalDevnet> devnet, MetricCatalog catalog,
			VaultChains chains) {
		this.local = local;
		this.devnet = devnet;
		this.catalog = catalog;
		this.chains = chains;
	}

	Map<String, PoolId> on(long chainId) {
		LocalChain localChain = this.local.getIfAvailable();
		// a node of a local deployment without a chain of its own reaches the same anvil
		// through a configured URL
		long localId = (localChain != null) ? localChain.chainId() : LocalChain.CHAIN_ID;
		if (chainId == localId && this.devnet.getIfAvailable() != null) {
			return simulated();
		}
		return registered(this.catalog.pools(), chainId, this.chains::chainId);
	}

	/**
	 * The registry's pools with a vault address on the chain; the chain of a pool is the
	 * one its id names ({@code aave-v3:base:USDC} is on the chain called base).
	 */
	static Map<String, PoolId> registered(List<PoolDescriptor> pools, long chainId,
			Function<String, Optional<Long>> chainIds) {
		Map<String, PoolId> targets = new HashMap<>();
		for (PoolDescriptor pool : pools) {
			if (pool.origin() == PoolDescriptor.Origin.REGISTRY && pool.vaultAddress() != null
					&& chainIds.apply(pool.chain()).filter((id) -> id == chainId).isPresent()) {
				targets.putIfAbsent(pool.vaultAddress().toLowerCase(Locale.ROOT), pool.id());
			}
		}
		return targets;
	}

	private Map<String, PoolId> simulated() {
		LocalDevnet market = this.devnet.getIfAvailable();
		if (market == null) {
			return Map.of();
		}
		try {
			return market.pools(Duration.ZERO)
				.stream()
				.collect(Collectors.toMap((p) -> p.vault().toLowerCase(Locale.ROOT), LocalDevnet.DevnetPoolVault::pool,
						(a, b) -> a));
		}
		catch (IllegalStateException ex) {
			return Map.of(); // not deployed yet
		}
	}

}
