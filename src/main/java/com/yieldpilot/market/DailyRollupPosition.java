package com.yieldpilot.market;

/**
 * A place in the change feed of the daily rollups
 * ({@link MarketData#dailyRollupChanges}): every daily rollup written after it was taken,
 * on any node, including by transactions that were still running then, is read as a
 * change from it. Opaque: only compare it by passing it back.
 *
 * @param oldestRunning the oldest PostgreSQL transaction id still running when it was
 * taken
 */
public record DailyRollupPosition(long oldestRunning) {
}
