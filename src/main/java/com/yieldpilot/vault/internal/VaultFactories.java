package com.yieldpilot.vault.internal;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Where each chain's {@code VaultFactory} is: recorded in the database (local mode
 * deploys its own) or configured for production chains
 * ({@code yieldpilot.vault.wallet.factories.<chain>}).
 */
@Component
class VaultFactories {

	private final VaultRepository repository;

	private final VaultChains chains;

	private final WalletProperties properties;

	VaultFactories(VaultRepository repository, VaultChains chains, WalletProperties properties) {
		this.repository = repository;
		this.chains = chains;
		this.properties = properties;
	}

	Optional<String> factory(long chainId) {
		Optional<String> recorded = this.repository.factory(chainId);
		if (recorded.isPresent()) {
			return recorded;
		}
		for (Map.Entry<String, String> configured : this.properties.factories().entrySet()) {
			if (this.chains.chainId(configured.getKey()).filter((id) -> id == chainId).isPresent()) {
				return Optional.of(Addresses.checksum(configured.getValue(),
						"yieldpilot.vault.wallet.factories." + configured.getKey()));
			}
		}
		return Optional.empty();
	}

}
