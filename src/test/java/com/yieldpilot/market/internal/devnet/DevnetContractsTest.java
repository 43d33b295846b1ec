package com.yieldpilot.market.internal.devnet;

import java.util.HashMap;
import java.util.Map;

import com.yieldpilot.market.internal.simulator.SimulatedMarket;
import com.yieldpilot.shared.PoolId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DevnetContractsTest {

	private final DevnetPlan plan = DevnetPlan.of(SimulatedMarket.defaultPools());

	@Test
	void planHasOneTokenPerAssetAndOneVaultPerPool() {
		assertThat(this.plan.assets()).containsExactly(new DevnetAsset("USDC", true), new DevnetAsset("WETH", false),
				new DevnetAsset("USDT", true), new DevnetAsset("DAI", true));
		assertThat(this.plan.poolAssets()).hasSize(12)
			.containsEntry(PoolId.parse("morpho:base:USDC-prime"), "USDC")
			.containsEntry(PoolId.parse("morpho:base:WETH-core"), "WETH");
		assertThat(new DevnetAsset("WETH", false).decimals()).isEqualTo(18);
		assertThat(new DevnetAsset("USDC", true).decimals()).isEqualTo(6);
	}

	@Test
	void recordedNamesReadBackIntoTheSameContracts() {
		Map<String, String> recorded = addresses();

		DevnetContracts contracts = DevnetContracts.fromAddresses(recorded, this.plan).orElseThrow();

		assertThat(contracts.addresses()).isEqualTo(recorded);
		assertThat(contracts.asset("WETH").asset().stablecoin()).isFalse();
		assertThat(contracts.vaults().get(PoolId.parse("spark:ethereum:DAI")).vault())
			.isEqualTo(recorded.get("vault:spark:ethereum:DAI"));
	}

	@Test
	void aRecordMissingAnyContractOfThePlanIsNoDeployment() {
		Map<String, String> withoutOneVault = addresses();
		withoutOneVault.remove("vault:fluid:arbitrum:USDC");
		Map<String, String> withoutAFeed = addresses();
		withoutAFeed.remove("feed:DAI");

		assertThat(DevnetContracts.fromAddresses(withoutOneVault, this.plan)).isEmpty();
		assertThat(DevnetContracts.fromAddresses(withoutAFeed, this.plan)).isEmpty();
		assertThat(DevnetContracts.fromAddresses(Map.of(), this.plan)).isEmpty();
	}

	@Test
	void aRecordFromBeforeTheStewardIsItsDeployersMocksAndNothingElseIs() {
		Map<String, String> beforeSteward = addresses();
		beforeSteward.remove("steward");
		String deployer = address(999);

		DevnetContracts mocks = DevnetContracts.beforeSteward(beforeSteward, this.plan, deployer).orElseThrow();

		assertThat(DevnetContracts.fromAddresses(beforeSteward, this.plan)).as("no steward, no complete set").isEmpty();
		assertThat(mocks.steward()).isEqualTo(deployer);
		assertThat(mocks.mocks()).isEqualTo(beforeSteward);
		assertThat(DevnetContracts.beforeSteward(addresses(), this.plan, deployer)).as("has a steward already")
			.isEmpty();
		Map<String, String> alsoWithoutAVault = new HashMap<>(beforeSteward);
		alsoWithoutAVault.remove("vault:fluid:arbitrum:USDC");
		assertThat(DevnetContracts.beforeSteward(alsoWithoutAVault, this.plan, deployer)).isEmpty();
	}

	private Map<String, String> addresses() {
		Map<String, String> names = new HashMap<>();
		int[] next = { 1 };
		names.put("multicall3", address(next[0]++));
		names.put("steward", address(next[0]++));
		this.plan.assets().forEach(a -> {
			names.put("token:" + a.symbol(), address(next[0]++));
			names.put("feed:" + a.symbol(), address(next[0]++));
		});
		this.plan.poolAssets().keySet().forEach(p -> names.put("vault:" + p, address(next[0]++)));
		return names;
	}

	private static String address(int n) {
		return String.format("0x%040x", n);
	}

}
