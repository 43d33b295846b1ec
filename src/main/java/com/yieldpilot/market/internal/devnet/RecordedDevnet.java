package com.yieldpilot.market.internal.devnet;

import java.time.Clock;
import java.util.Map;

import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.internal.store.DevnetContractStore;
import com.yieldpilot.market.internal.store.PoolContracts;
import com.yieldpilot.market.internal.store.PoolRegistry;

import org.springframework.transaction.annotation.Transactional;

/**
 * The devnet's address book in the database: the contracts in {@code devnet_contract},
 * each pool's vault, price feed and asset decimals in the pool registry, written in one
 * transaction.
 */
class RecordedDevnet implements DevnetAddressBook {

	private final DevnetContractStore store;

	private final PoolRegistry registry;

	private final Clock clock;

	RecordedDevnet(DevnetContractStore store, PoolRegistry registry, Clock clock) {
		this.store = store;
		this.registry = registry;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, String> recorded(long chainId) {
		return this.store.addresses(chainId);
	}

	@Override
	@Transactional
	public void recordDeployment(long chainId, DevnetContracts contracts) {
		this.store.replace(chainId, contracts.addresses(), this.clock.instant());
		attachPools(contracts);
	}

	@Override
	@Transactional
	public void attachPools(DevnetContracts contracts) {
		for (DevnetContracts.PoolVault vault : contracts.vaults().values()) {
			DevnetContracts.AssetContracts asset = contracts.asset(vault.asset());
			this.registry.attach(
					new PoolDescriptor(vault.pool(), null, vault.vault(), asset.asset().stablecoin(),
							PoolDescriptor.Origin.SIMULATED),
					new PoolContracts(vault.pool(), vault.vault(), asset.priceFeed(), asset.asset().decimals()));
		}
	}

}
