package com.yieldpilot.market;

import java.time.Instant;

/**
 * One point of a metric's history: a raw sample (min = max = value) or a rollup bucket,
 * whose value is the bucket's mean.
 */
public record HistoryPoint(Instant at, double value, double min, double max, int samples) {
}
