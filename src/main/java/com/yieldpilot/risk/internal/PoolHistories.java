package com.yieldpilot.risk.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.risk.internal.model.PoolHistory;
import com.yieldpilot.shared.PoolId;

import org.springframework.stereotype.Component;

/**
 * Reads pools' daily history from the market (its daily rollups: the mean of each day's
 * samples) into the model's {@link PoolHistory} shape, many pools per query.
 */
@Component
class PoolHistories {

	/** The metrics read, in the order of {@link PoolHistory}'s series. */
	static final List<Metric> METRICS = List.of(Metric.TVL, Metric.APY, Metric.APY_BASE, Metric.APY_REWARD);

	private final MarketData market;

	PoolHistories(MarketData market) {
		this.market = market;
	}

	/**
	 * The pools' daily histories within [from, to), read in one query per
	 * {@value MarketData#MAX_PAGE} pools; pools without any data are left out.
	 */
	List<PoolHistory> read(List<PoolId> pools, Instant from, Instant to) {
		Map<PoolId, PoolHistory> read = new HashMap<>();
		Map<Long, String> stamps = new HashMap<>();
		LongFunction<String> stamp = (day) -> stamps.computeIfAbsent(day,
				(d) -> Instant.ofEpochSecond(d * 86_400L).toString());
		this.market.dailyHistories(pools, METRICS, from, to, (daily) -> {
			double[][] m = daily.means();
			read.put(daily.pool(),
					PoolHistory.daily(daily.pool().toString(), daily.firstDay(), m[0], m[1], m[2], m[3], stamp));
		});
		// in the order asked for, so training rows come in a stable order
		List<PoolHistory> histories = new ArrayList<>(read.size());
		for (PoolId pool : pools) {
			PoolHistory history = read.get(pool);
			if (history != null) {
				histories.add(history);
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
