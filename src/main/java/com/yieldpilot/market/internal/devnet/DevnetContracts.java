package com.yieldpilot.market.internal.devnet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.yieldpilot.shared.PoolId;

/**
 * The devnet's deployed contracts: Multicall3, the steward that owns the mocks and moves
 * them a step at a time, a token and a price feed per asset, and a vault per pool.
 * Recorded by name: {@code multicall3}, {@code steward}, {@code token:<asset>},
 * {@code feed:<asset>}, {@code vault:<pool id>}.
 */
record DevnetContracts(String multicall3, String steward, Map<String, AssetContracts> assets,
		Map<PoolId, PoolVault> vaults) {

	static final String MULTICALL3 = "multicall3";

	static final String STEWARD = "steward";

	DevnetContracts {
		assets = Collections.unmodifiableMap(new LinkedHashMap<>(assets));
		vaults = Collections.unmodifiableMap(new LinkedHashMap<>(vaults));
	}

	/** An asset's token and its USD price feed (8 decimals). */
	record AssetContracts(DevnetAsset asset, String token, String priceFeed) {
	}

	/** A pool's vault and the asset it holds. */
	record PoolVault(PoolId pool, String asset, String vault) {
	}

	AssetContracts asset(String symbol) {
		AssetContracts asset = this.assets.get(symbol);
		if (asset == null) {
			throw new IllegalArgumentException("The devnet has no token for " + symbol);
		}
		return asset;
	}

	/** Every contract by its recorded name. */
	Map<String, String> addresses() {
		Map<String, String> names = new TreeMap<>();
		names.put(MULTICALL3, this.multicall3);
		names.put(STEWARD, this.steward);
		this.assets.values().forEach(a -> {
			names.put(tokenName(a.asset().symbol()), a.token());
			names.put(feedName(a.asset().symbol()), a.priceFeed());
		});
		this.vaults.values().forEach(v -> names.put(vaultName(v.pool()), v.vault()));
		return names;
	}

	/** The same contracts with another steward in charge of the mocks. */
	DevnetContracts withSteward(String newSteward) {
		return new DevnetContracts(this.multicall3, newSteward, this.assets, this.vaults);
	}

	/** The contracts the steward owns: every token, feed and vault. */
	List<String> owned() {
		List<String> owned = new ArrayList<>();
		this.assets.values().forEach((a) -> {
			owned.add(a.token());
			owned.add(a.priceFeed());
		});
		this.vaults.values().forEach((v) -> owned.add(v.vault()));
		return owned;
	}

	/** Every contract but the steward: the ones it owns, and Multicall3. */
	Map<String, String> mocks() {
		Map<String, String> names = addresses();
		names.remove(STEWARD);
		return names;
	}

	/**
	 * The mocks of a set recorded before the steward existed, with the deployer account
	 * as their steward: it deployed them and still owns them. Empty when the record has a
	 * steward already or lacks a contract the plan needs.
	 */
	static Optional<DevnetContracts> beforeSteward(Map<String, String> recorded, DevnetPlan plan, String deployer) {
		if (recorded.containsKey(STEWARD)) {
			return Optional.empty();
		}
		Map<String, String> owned = new TreeMap<>(recorded);
		owned.put(STEWARD, deployer);
		return fromAddresses(owned, plan);
	}

	/**
	 * The recorded contracts, when the record holds every contract the plan needs; empty
	 * when anything is missing (a pool added since, or nothing recorded yet).
	 */
	static Optional<DevnetContracts> fromAddresses(Map<String, String> recorded, DevnetPlan plan) {
		String steward = recorded.get(STEWARD);
		if (steward == null) {
			return Optional.empty();
		}
		String multicall3 = recorded.get(MULTICALL3);
		if (multicall3 == null) {
			return Optional.empty();
		}
		Map<String, AssetContracts> assets = new LinkedHashMap<>();
		for (DevnetAsset asset : plan.assets()) {
			String token = recorded.get(tokenName(asset.symbol()));
			String feed = recorded.get(feedName(asset.symbol()));
			if (token == null || feed == null) {
				return Optional.empty();
			}
			assets.put(asset.symbol(), new AssetContracts(asset, token, feed));
		}
		Map<PoolId, PoolVault> vaults = new LinkedHashMap<>();
		for (Map.Entry<PoolId, String> pool : plan.poolAssets().entrySet()) {
			String vault = recorded.get(vaultName(pool.getKey()));
			if (vault == null) {
				return Optional.empty();
			}
			vaults.put(pool.getKey(), new PoolVault(pool.getKey(), pool.getValue(), vault));
		}
		return Optional.of(new DevnetContracts(multicall3, steward, assets, vaults));
	}

	static String tokenName(String asset) {
		return "token:" + asset;
	}

	static String feedName(String asset) {
		return "feed:" + asset;
	}

	static String vaultName(PoolId pool) {
		return "vault:" + pool;
	}

}
