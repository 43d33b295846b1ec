package com.yieldpilot.vault.internal;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.yieldpilot.market.LocalDevnet;
import com.yieldpilot.shared.PoolId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Which pool an ERC-4626 target is, by its lower-case address: local mode's simulated
 * pools for now; the registry's pools once vaults reach production chains.
 */
@Component
class TargetPools {

	private final ObjectProvider<LocalDevnet> devnet;

	TargetPools(ObjectProvider<LocalDevnet> devnet) {
		this.devnet = devnet;
	}

	Map<String, PoolId> byTarget() {
		LocalDevnet local = this.devnet.getIfAvailable();
		if (local == null) {
			return Map.of();
		}
		try {
			return local.pools(Duration.ZERO)
				.stream()
				.collect(Collectors.toMap((p) -> p.vault().toLowerCase(), LocalDevnet.DevnetPoolVault::pool,
						(a, b) -> a));
		}
		catch (IllegalStateException ex) {
			return Map.of(); // not deployed yet
		}
	}

}
