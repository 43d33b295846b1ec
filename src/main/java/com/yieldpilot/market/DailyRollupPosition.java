package com.yieldpilot.market;

/**
 * A place in the change feed of the daily rollups
 * ({@link MarketData#dailyRollupChanges}): what a read at that moment could not see, on
 * any node. Every daily rollup written by a transaction that had not committed then,
 * including ones that commit out of order, is read as a change from it; rollups it could
 * see are not read again. Opaque: pass it back.
 *
 * @param firstUnseen the first PostgreSQL transaction id not yet started then
 * (pg_snapshot_xmax)
 * @param running the ids of transactions still running then (pg_snapshot_xip)
 */
public record DailyRollupPosition(long firstUnseen, long[] running) {

	public DailyRollupPosition {
		running = running.clone();
	}

	@Override
	public long[] running() {
		return this.running.clone();
	}

}
