package com.yieldpilot.vault.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.yieldpilot.chain.ChainAccess;
import com.yieldpilot.chain.ChainClients;
import com.yieldpilot.chain.KnownChains;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.vault.WalletChain;
import org.web3j.protocol.Web3j;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The client for a vault's chain, through the chain module's {@link ChainAccess}, and the
 * chains a farmer may create a vault on.
 */
@Component
class VaultChains {

	private final ChainAccess chains;

	private final ObjectProvider<LocalChain> local;

	private final ObjectProvider<ChainClients> clients;

	VaultChains(ChainAccess chains, ObjectProvider<LocalChain> local, ObjectProvider<ChainClients> clients) {
		this.chains = chains;
		this.local = local;
		this.clients = clients;
	}

	Web3j client(long chainId) {
		return this.chains.client(chainId);
	}

	/** The chains this node can read: local mode's first, then the configured ones. */
	List<WalletChain> readable() {
		List<WalletChain> chains = new ArrayList<>();
		LocalChain chain = this.local.getIfAvailable();
		if (chain != null) {
			chains.add(new WalletChain(chain.chainId(), "local"));
		}
		ChainClients configured = this.clients.getIfAvailable();
		if (configured != null) {
			configured.chains()
				.stream()
				.sorted()
				.forEach((name) -> chains.add(new WalletChain(configured.chainId(name), name)));
		}
		return chains;
	}

	/** The id of a chain named in pool ids ({@code base}), if this node knows it. */
	Optional<Long> chainId(String name) {
		ChainClients configured = this.clients.getIfAvailable();
		if (configured != null && configured.chains().contains(name)) {
			return Optional.of(configured.chainId(name));
		}
		return KnownChains.id(name);
	}

}
