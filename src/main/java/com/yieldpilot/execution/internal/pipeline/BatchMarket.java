package com.yieldpilot.execution.internal.pipeline;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.yieldpilot.market.LatestValue;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.PoolFilter;
import com.yieldpilot.market.PoolSnapshot;
import com.yieldpilot.market.PoolSort;
import com.yieldpilot.shared.PoolId;

/**
 * The market's view that one batch of executions needs, each part read at most once for
 * the batch: the pools its actions name and the ETH price. Planning values an amount in
 * dollars from a pool's view and the cost check a few milliseconds later prices the same
 * pool's gain, so both steps see the same figures and the pool is read once, not once per
 * step (two round trips to the database each). Safe to use from the planner's parallel
 * sizing threads. Lives for one batch only: a later batch reads the pools again (the ETH
 * price comes from {@link CostCheck}, which reads it at most every few seconds).
 */
final class BatchMarket {

	private final MarketData market;

	private final Map<PoolId, Optional<PoolSnapshot>> pools = new ConcurrentHashMap<>();

	private final Supplier<Optional<Double>> ethPrice;

	private final Map<Boolean, Optional<Double>> ethUsd = new ConcurrentHashMap<>(1);

	BatchMarket(MarketData market, Supplier<Optional<Double>> ethPrice) {
		this.market = market;
		this.ethPrice = ethPrice;
	}

	/** The market's view of the pool, empty when the market does not know it. */
	Optional<PoolSnapshot> pool(PoolId pool) {
		return this.pools.computeIfAbsent(pool, this.market::pool);
	}

	/** The pool's APY when it is fresh. */
	Optional<Double> apy(PoolId pool) {
		return pool(pool).flatMap((s) -> s.value(Metric.APY)).filter((v) -> !v.stale()).map(LatestValue::value);
	}

	/** The ETH price for the batch, asked for at most once. */
	Optional<Double> ethUsd() {
		return this.ethUsd.computeIfAbsent(Boolean.TRUE, (k) -> this.ethPrice.get());
	}

	/** The freshest WETH price the market has, when one is fresh. */
	static Optional<Double> ethUsd(MarketData market) {
		return market.pools(new PoolFilter(null, null, "WETH", null, null, null, null, null), PoolSort.BY_ID, 0, 20)
			.stream()
			.map((PoolSnapshot s) -> s.value(Metric.PRICE))
			.flatMap(Optional::stream)
			.filter((v) -> !v.stale())
			.max(Comparator.comparing(LatestValue::observedAt))
			.map(LatestValue::value);
	}

}
