package com.yieldpilot.market;

import java.util.Objects;

/** One metric of one subject (a pool id or {@code chain:<name>}), across sources. */
public record SeriesKey(String subject, Metric metric) {

	public SeriesKey {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(metric, "metric");
	}

}
