package com.yieldpilot.chain.internal;

import com.yieldpilot.chain.ChainAccess;
import com.yieldpilot.chain.ChainClients;
import com.yieldpilot.chain.LocalChain;
import org.web3j.protocol.Web3j;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

@Component
class ChainAccessService implements ChainAccess {

	private final ObjectProvider<LocalChain> local;

	private final ObjectProvider<ChainClients> clients;

	ChainAccessService(ObjectProvider<LocalChain> local, ObjectProvider<ChainClients> clients) {
		this.local = local;
		this.clients = clients;
	}

	@Override
	public Web3j client(long chainId) {
		ChainClients configured = this.clients.getIfAvailable();
		if (configured != null) {
			for (String name : configured.chains()) {
				if (configured.chainId(name) == chainId) {
					return configured.client(name);
				}
			}
		}
		LocalChain chain = this.local.getIfAvailable();
		if (chain != null && chain.chainId() == chainId) {
			return chain.web3j();
		}
		throw new IllegalStateException("No RPC URLs are configured for chain id " + chainId
				+ ": set yieldpilot.chain.rpc.<name> and, for a chain YieldPilot does not know by name, "
				+ "yieldpilot.chain.chain-ids.<name>");
	}

	@Override
	public boolean isLocal(long chainId) {
		LocalChain chain = this.local.getIfAvailable();
		return chain != null && chain.chainId() == chainId;
	}

}
