package com.yieldpilot.market.internal.devnet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.yieldpilot.market.internal.simulator.SimulatedPool;
import com.yieldpilot.shared.PoolId;

/**
 * What the devnet needs for a simulated market: its assets, in first-seen order, and the
 * asset of every pool (one vault each).
 */
record DevnetPlan(List<DevnetAsset> assets, Map<PoolId, String> poolAssets) {

	DevnetPlan {
		assets = List.copyOf(assets);
		poolAssets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(poolAssets));
	}

	static DevnetPlan of(List<SimulatedPool> pools) {
		Map<String, DevnetAsset> assets = new LinkedHashMap<>();
		Map<PoolId, String> poolAssets = new LinkedHashMap<>();
		for (SimulatedPool pool : pools) {
			assets.putIfAbsent(pool.asset(), new DevnetAsset(pool.asset(), pool.stablecoin()));
			poolAssets.put(pool.id(), pool.asset());
		}
		return new DevnetPlan(new ArrayList<>(assets.values()), poolAssets);
	}

}
