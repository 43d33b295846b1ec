package com.yieldpilot.risk.internal;

import com.yieldpilot.shared.PoolId;
import org.jooq.DSLContext;

/**
 * A fresh pool of the shared test node with daily rollups up to today (a wavy APY, a
 * slowly rising TVL): enough history for a feature row of today, whatever the node's own
 * simulated pools have rolled up yet.
 */
final class PoolsWithHistory {

	private PoolsWithHistory() {
	}

	/** A new USDC pool on Base of the protocol, with {@code days} daily rollups. */
	static PoolId create(DSLContext db, String protocol, int days) {
		PoolId pool = PoolId.parse(protocol + ":base:USDC:p" + Long.toString(System.nanoTime(), 36));
		db.execute("""
				insert into market_pool (id, protocol, chain, asset, stablecoin, origin, created_at)
				values (?, ?, 'base', 'USDC', true, 'WATCHED', now())""", pool.toString(), protocol);
		db.execute("""
				insert into metric_rollup (subject, metric, resolution, bucket, avg_value, min_value, max_value,
				                           last_value, samples)
				select ?, m.metric, 'DAY', date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'
				                           - (? - 1 - d) * interval '1 day', v, v, v, v, 24
				from generate_series(0, ? - 1) as d
				cross join lateral (values ('APY', 4 * (1 + 0.3 * sin(d / 4.0))), ('TVL', 1e7 + d * 1000))
				    as m(metric, v)""", pool.toString(), days, days);
		return pool;
	}

}
