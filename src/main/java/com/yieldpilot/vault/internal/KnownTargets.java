package com.yieldpilot.vault.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.yieldpilot.vault.KnownTarget;

import org.springframework.stereotype.Component;

/**
 * The ERC-4626 vaults YieldPilot knows as pools on a chain ({@link TargetPools}), the
 * only targets a farmer may allowlist from the app, each with the token it takes. A
 * registry pool's token is read from the chain by its {@code asset()}: an address that
 * does not answer it is no ERC-4626 vault and is left out.
 */
@Component
class KnownTargets {

	private final TargetPools pools;

	private final VaultChains chains;

	KnownTargets(TargetPools pools, VaultChains chains) {
		this.pools = pools;
		this.chains = chains;
	}

	List<KnownTarget> on(long chainId) {
		ChainReads reads = null;
		List<KnownTarget> known = new ArrayList<>();
		for (TargetPools.Target target : this.pools.targets(chainId)) {
			String asset = target.asset();
			if (asset == null) {
				reads = (reads != null) ? reads : new ChainReads(this.chains.client(chainId));
				asset = reads.assetOf(target.vault());
			}
			if (asset != null) {
				known.add(new KnownTarget(target.pool(), Addresses.checksum(target.vault(), "vault"),
						Addresses.checksum(asset, "asset")));
			}
		}
		return known;
	}

	Optional<KnownTarget> find(long chainId, String address) {
		return on(chainId).stream().filter((t) -> Addresses.same(t.address(), address)).findFirst();
	}

}
