package com.yieldpilot.market.internal.devnet;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.yieldpilot.shared.PoolId;

/** The devnet's address book without a database, for tests on a throw-away chain. */
final class InMemoryAddressBook implements DevnetAddressBook {

	final Map<Long, Map<String, String>> recorded = new HashMap<>();

	final Map<PoolId, String> attachedVaults = new LinkedHashMap<>();

	int deployments;

	@Override
	public Map<String, String> recorded(long chainId) {
		return this.recorded.getOrDefault(chainId, Map.of());
	}

	@Override
	public void recordDeployment(long chainId, DevnetContracts contracts) {
		this.recorded.put(chainId, contracts.addresses());
		this.deployments++;
		attachPools(contracts);
	}

	@Override
	public void attachPools(DevnetContracts contracts) {
		contracts.vaults().values().forEach(v -> this.attachedVaults.put(v.pool(), v.vault()));
	}

}
