package com.yieldpilot.market.internal.devnet;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.yieldpilot.market.internal.simulator.MarketEvent;
import com.yieldpilot.market.internal.simulator.MarketStep;
import com.yieldpilot.market.internal.simulator.PoolTick;
import com.yieldpilot.shared.PoolId;

/**
 * What the devnet's contracts still have to do: the factor by which each vault's assets
 * grow (or shrink), and each asset's newest USD price. Updates not yet applied combine
 * with later ones: factors multiply and the newer price wins, so a failed step is caught
 * up in full at the next.
 *
 * <p>
 * A vault grows with the pool's <em>base</em> APY compounded over the simulated time of
 * the step, {@code (1 + apyBase/100)^years}: that is the yield a deposit earns through
 * the share price, while reward APY is paid in separate tokens that the devnet does not
 * model. An exploit takes its fraction of the vault: the factor is multiplied by
 * {@code 1 − fraction}.
 */
record DevnetUpdate(Map<PoolId, Double> growth, Map<String, Double> prices) {

	static final DevnetUpdate NONE = new DevnetUpdate(Map.of(), Map.of());

	private static final double SECONDS_PER_YEAR = 365 * 86_400.0;

	DevnetUpdate {
		growth = Collections.unmodifiableMap(new LinkedHashMap<>(growth));
		prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
	}

	/**
	 * @param poolAssets the asset of each pool; pools not listed are ignored
	 */
	static DevnetUpdate of(MarketStep step, Duration simulated, Map<PoolId, String> poolAssets) {
		double years = simulated.toNanos() / 1e9 / SECONDS_PER_YEAR;
		Map<PoolId, Double> growth = new LinkedHashMap<>();
		Map<String, Double> prices = new LinkedHashMap<>();
		for (PoolTick tick : step.pools()) {
			String asset = poolAssets.get(tick.pool());
			if (asset == null) {
				continue;
			}
			prices.put(asset, tick.assetPriceUsd());
			if (years > 0) {
				growth.put(tick.pool(), Math.pow(1 + tick.apyBase() / 100, years));
			}
		}
		for (MarketEvent event : step.events()) {
			if (event instanceof MarketEvent.Exploited exploit && poolAssets.containsKey(exploit.pool())) {
				growth.merge(exploit.pool(), 1 - exploit.fraction(), (a, b) -> a * b);
			}
		}
		return new DevnetUpdate(growth, prices);
	}

	/** This update followed by a later one. */
	DevnetUpdate then(DevnetUpdate later) {
		Map<PoolId, Double> growth = new LinkedHashMap<>(this.growth);
		later.growth.forEach((pool, factor) -> growth.merge(pool, factor, (a, b) -> a * b));
		Map<String, Double> prices = new LinkedHashMap<>(this.prices);
		prices.putAll(later.prices);
		return new DevnetUpdate(growth, prices);
	}

	/**
	 * What is left of this update once {@code part}, an earlier update merged into it, is
	 * applied: each factor divided by the part's, and the prices the part did not already
	 * set. A vault the part emptied (factor 0) has nothing left to grow.
	 */
	DevnetUpdate without(DevnetUpdate part) {
		Map<PoolId, Double> growth = new LinkedHashMap<>();
		this.growth.forEach((pool, factor) -> {
			Double applied = part.growth.get(pool);
			double left = (applied == null) ? factor : factor / applied;
			if (Double.isFinite(left) && left != 1.0) {
				growth.put(pool, left);
			}
		});
		Map<String, Double> prices = new LinkedHashMap<>();
		this.prices.forEach((asset, price) -> {
			if (!price.equals(part.prices.get(asset))) {
				prices.put(asset, price);
			}
		});
		return new DevnetUpdate(growth, prices);
	}

	boolean isEmpty() {
		return this.growth.isEmpty() && this.prices.isEmpty();
	}

}
