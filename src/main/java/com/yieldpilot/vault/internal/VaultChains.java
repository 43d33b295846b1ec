package com.yieldpilot.vault.internal;

import com.yieldpilot.chain.ChainClients;
import com.yieldpilot.chain.LocalChain;
import org.web3j.protocol.Web3j;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The client for a vault's chain: local mode's anvil, or a configured production chain.
 */
@Component
class VaultChains {

	private final ObjectProvider<LocalChain> local;

	private final ObjectProvider<ChainClients> clients;

	VaultChains(ObjectProvider<LocalChain> local, ObjectProvider<ChainClients> clients) {
		this.local = local;
		this.clients = clients;
	}

	Web3j client(long chainId) {
		LocalChain chain = this.local.getIfAvailable();
		if (chain != null && chain.chainId() == chainId) {
			return chain.web3j();
		}
		ChainClients configured = this.clients.getIfAvailable();
		if (configured != null) {
			for (String name : configured.chains()) {
				if (configured.chainId(name) == chainId) {
					return configured.client(name);
				}
			}
		}
		throw new IllegalStateException("No RPC URLs are configured for chain id " + chainId);
	}

}
