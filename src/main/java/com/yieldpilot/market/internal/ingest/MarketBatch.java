package com.yieldpilot.market.internal.ingest;

import java.time.Instant;
import java.util.List;

import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.Source;

/**
 * What one source reported in one refresh: pools it knows (registered if new) and
 * samples.
 */
public record MarketBatch(Source source, Instant observedAt, List<PoolDescriptor> pools, List<MetricSample> samples) {

	public MarketBatch {
		pools = List.copyOf(pools);
		samples = List.copyOf(samples);
	}

}
