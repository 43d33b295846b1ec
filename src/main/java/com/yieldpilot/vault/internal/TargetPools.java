package com.yieldpilot.vault.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
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
import org.jspecify.annotations.Nullable;

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

	/** A target's pool and vault address and, where it is known already, its token. */
	record Target(PoolId pool, String vault, @Nullable String asset) {
	}

	/** The targets on the chain by their lower-case vault address. */
	Map<String, PoolId> on(long chainId) {
		return targets(chainId).stream()
			.collect(Collectors.toMap((t) -> t.vault().toLowerCase(Locale.ROOT), Target::pool, (a, b) -> a,
					LinkedHashMap::new));
	}

	/**
	 * The targets on the chain: local mode's simulated pools with their tokens, or the
	 * registry's pools in its order, whose tokens only the chain can tell.
	 */
	List<Target> targets(long chainId) {
		LocalChain localChain = this.local.getIfAvailable();
		// a node of a local deployment without a chain of its own reaches the same anvil
		// through a configured URL
		long localId = (localChain != null) ? localChain.chainId() : LocalChain.CHAIN_ID;
		if (chainId == localId && this.devnet.getIfAvailable() != null) {
			return simulated();
		}
		return registered(this.catalog.pools(), chainId, this.chains::chainId).entrySet()
			.stream()
			.map((e) -> new Target(e.getValue(), e.getKey(), null))
			.toList();
	}

	/**
	 * The registry's pools with a vault address on the chain; the chain of a pool is the
	 * one its id names ({@code aave-v3:base:USDC} is on the chain called base).
	 */
	static Map<String, PoolId> registered(List<PoolDescriptor> pools, long chainId,
			Function<String, Optional<Long>> chainIds) {
		Map<String, PoolId> targets = new LinkedHashMap<>();
		for (PoolDescriptor pool : pools) {
			if (pool.origin() == PoolDescriptor.Origin.REGISTRY && pool.vaultAddress() != null
					&& chainIds.apply(pool.chain()).filter((id) -> id == chainId).isPresent()) {
				targets.putIfAbsent(pool.vaultAddress().toLowerCase(Locale.ROOT), pool.id());
			}
		}
		return targets;
	}

	private List<Target> simulated() {
		LocalDevnet market = this.devnet.getIfAvailable();
		if (market == null) {
			return List.of();
		}
		try {
			return market.pools(Duration.ZERO).stream().map((p) -> new Target(p.pool(), p.vault(), p.token())).toList();
		}
		catch (IllegalStateException ex) {
			return List.of(); // not deployed yet
		}
	}

}
