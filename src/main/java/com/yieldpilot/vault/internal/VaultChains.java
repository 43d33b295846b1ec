package com.yieldpilot.vault.internal;

import com.yieldpilot.chain.ChainAccess;
import org.web3j.protocol.Web3j;

import org.springframework.stereotype.Component;

/**
 * The client for a vault's chain, through the chain module's {@link ChainAccess}.
 */
@Component
class VaultChains {

	private final ChainAccess chains;

	VaultChains(ChainAccess chains) {
		this.chains = chains;
	}

	Web3j client(long chainId) {
		return this.chains.client(chainId);
	}

}
