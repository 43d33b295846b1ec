package com.yieldpilot.market.internal.defillama;

import java.util.List;

/**
 * A parsed {@code /chart/{pool}} response: the accepted points in the order DefiLlama
 * sent them (oldest first in practice; not re-sorted) and the report of what was read and
 * skipped.
 *
 * @param points the accepted points
 * @param report counts, skipped points and parse time
 */
public record ChartSeries(List<ChartPoint> points, BatchReport report) {

	public ChartSeries {
		points = List.copyOf(points);
	}

}
