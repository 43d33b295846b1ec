package com.yieldpilot.risk.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.yieldpilot.market.HistoryPoint;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.Resolution;
import com.yieldpilot.risk.internal.model.PoolHistory;
import com.yieldpilot.shared.PoolId;

import org.springframework.stereotype.Component;

/**
 * Reads pools' daily history from the market (its daily rollups: the mean of each day's
 * samples) into the model's {@link PoolHistory} shape.
 */
@Component
class PoolHistories {

	private static final Metric[] METRICS = { Metric.TVL, Metric.APY, Metric.APY_BASE, Metric.APY_REWARD };

	private final MarketData market;

	PoolHistories(MarketData market) {
		this.market = market;
	}

	List<PoolHistory> read(List<PoolId> pools, Instant from, Instant to) {
		List<PoolHistory> histories = new ArrayList<>(pools.size());
		for (PoolId pool : pools) {
			Map<Instant, double[]> days = new TreeMap<>();
			for (int m = 0; m < METRICS.length; m++) {
				for (HistoryPoint point : this.market.history(pool, METRICS[m], Resolution.DAY, from, to)) {
					double[] values = days.computeIfAbsent(point.at(),
							k -> new double[] { Double.NaN, Double.NaN, Double.NaN, Double.NaN });
					values[m] = point.value();
				}
			}
			PoolHistory.Builder builder = new PoolHistory.Builder(pool.toString());
			days.forEach((at, v) -> builder.add(at, at.toString(), v[0], v[1], v[2], v[3]));
			if (!builder.isEmpty()) {
				histories.add(builder.build());
			}
		}
		return histories;
	}

	/**
	 * Every registered pool's history, page by page, telling the progress callback as it
	 * goes.
	 */
	List<PoolHistory> readAll(Instant from, Instant to, Progress progress) {
		int total = this.market.count();
		List<PoolHistory> histories = new ArrayList<>();
		for (int offset = 0; offset < total; offset += MarketData.MAX_PAGE) {
			List<PoolId> page = this.market.pools(offset, MarketData.MAX_PAGE)
				.stream()
				.map(p -> p.pool().id())
				.toList();
			histories.addAll(read(page, from, to));
			progress.read(Math.min(total, offset + page.size()), total);
		}
		return histories;
	}

	interface Progress {

		void read(int pools, int of);

	}

}
