package com.yieldpilot.vault.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.market.LocalDevnet;
import com.yieldpilot.market.MetricCatalog;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.vault.KnownTarget;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The ERC-4626 vaults YieldPilot knows as pools on a chain, the only targets a farmer may
 * allowlist from the app: on local mode's chain the simulated pools' vaults, elsewhere
 * the registry's pools with a vault address on that chain, each confirmed on chain by its
 * {@code asset()} (an address that does not answer it is no ERC-4626 vault).
 */
@Component
class KnownTargets {

	private final ObjectProvider<LocalChain> local;

	private final ObjectProvider<LocalDevnet> devnet;

	private final MetricCatalog catalog;

	private final VaultChains chains;

	KnownTargets(ObjectProvider<LocalChain> local, ObjectProvider<LocalDevnet> devnet, MetricCatalog catalog,
			VaultChains chains) {
		this.local = local;
		this.devnet = devnet;
		this.catalog = catalog;
		this.chains = chains;
	}

	List<KnownTarget> on(long chainId) {
		LocalChain localChain = this.local.getIfAvailable();
		LocalDevnet localMarket = this.devnet.getIfAvailable();
		if (localChain != null && localChain.chainId() == chainId) {
			if (localMarket == null) {
				return List.of();
			}
			try {
				return localMarket.pools(Duration.ZERO)
					.stream()
					.map((p) -> new KnownTarget(p.pool(), Addresses.checksum(p.vault(), "vault"),
							Addresses.checksum(p.token(), "token")))
					.toList();
			}
			catch (IllegalStateException ex) {
				return List.of(); // the devnet is not deployed yet
			}
		}
		ChainReads reads = new ChainReads(this.chains.client(chainId));
		List<KnownTarget> targets = new ArrayList<>();
		for (PoolDescriptor pool : this.catalog.pools()) {
			if (pool.origin() != PoolDescriptor.Origin.REGISTRY || pool.vaultAddress() == null
					|| this.chains.chainId(pool.id().chain()).filter((id) -> id == chainId).isEmpty()) {
				continue;
			}
			String asset = reads.assetOf(pool.vaultAddress());
			if (asset != null) {
				targets.add(new KnownTarget(pool.id(), Addresses.checksum(pool.vaultAddress(), "vault"),
						Addresses.checksum(asset, "asset")));
			}
		}
		return targets;
	}

	Optional<KnownTarget> find(long chainId, String address) {
		return on(chainId).stream().filter((t) -> Addresses.same(t.address(), address)).findFirst();
	}

}
