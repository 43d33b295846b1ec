package com.yieldpilot.risk.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import com.yieldpilot.risk.internal.model.FeatureBuilder;
import com.yieldpilot.risk.internal.model.FeatureTable;
import com.yieldpilot.risk.internal.model.Incident;
import com.yieldpilot.risk.internal.model.PoolFeatures;
import com.yieldpilot.risk.internal.model.PoolHistory;

import org.springframework.stereotype.Component;

/**
 * Scoring's features with each pool's own part kept on this node between market updates.
 * A pool's own features and outcomes ({@link FeatureBuilder#own}) read nothing but its
 * history, so they are kept with the very history object they came from and used again
 * only for that object and the same first day: {@link HistoryCache} hands out a new
 * object whenever a pool's rollups change (the hourly rollup, an import, a backfill,
 * another node's write) or its window moves, and the first day moves with the date, so
 * either change computes them afresh; so does a change of the incident list. The
 * cross-section (peers, ranks, the market's regime) depends on every pool of the day and
 * is computed on every call. The result is the table
 * {@link FeatureBuilder#build(List, List, int, long)} returns (tested after each kind of
 * change). Memory: about 1 KB per pool (its rows' own features and a byte per outcome),
 * so about 20 MB for 20,000 pools, held for the pools this node has scored. See decision
 * record 0011.
 */
@Component
class FeatureCache {

	private final ConcurrentMap<String, Kept> held = new ConcurrentHashMap<>();

	private final LongAdder computed = new LongAdder();

	/**
	 * Rows from {@code fromDay} on and each pool's last day, for pools with at least
	 * {@code minHistoryDays} observed days: what scoring builds. A pool's kept features
	 * are used again only with the very incident list object they were computed with, so
	 * an import (which hands out a new one) computes every pool afresh.
	 */
	FeatureTable build(List<PoolHistory> histories, List<Incident> incidents, int minHistoryDays, long fromDay) {
		PoolFeatures[] own = new PoolFeatures[histories.size()];
		List<PoolHistory> missing = new ArrayList<>();
		for (int p = 0; p < own.length; p++) {
			PoolHistory history = histories.get(p);
			Kept kept = this.held.get(history.pool());
			if (kept != null && kept.incidents() == incidents
					&& kept.features().builtFor(history, minHistoryDays, fromDay)) {
				own[p] = kept.features();
			}
			else {
				missing.add(history);
			}
		}
		List<PoolFeatures> computed = FeatureBuilder.own(missing, incidents, minHistoryDays, fromDay);
		this.computed.add(computed.size());
		for (int p = 0, m = 0; p < own.length; p++) {
			if (own[p] == null) {
				own[p] = computed.get(m++);
				this.held.put(histories.get(p).pool(), new Kept(own[p], incidents));
			}
		}
		return FeatureBuilder.assemble(histories, Arrays.asList(own));
	}

	private record Kept(PoolFeatures features, List<Incident> incidents) {
	}

	/** Pools whose own features were computed rather than reused, ever: for tests. */
	long computed() {
		return this.computed.sum();
	}

}
