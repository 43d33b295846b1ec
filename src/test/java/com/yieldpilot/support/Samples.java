package com.yieldpilot.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketBatch;
import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.shared.PoolId;

/** Ingests one value of a test's own (simulated) pool through the real ingestion. */
public final class Samples {

	private Samples() {
	}

	public static void ingest(MarketIngestion ingestion, PoolId pool, Metric metric, double value, Source source,
			Instant when) {
		Instant at = when.truncatedTo(ChronoUnit.MILLIS);
		ingestion.ingest(new MarketBatch(source, at,
				List.of(new PoolDescriptor(pool, null, null, true, PoolDescriptor.Origin.SIMULATED)),
				List.of(new MetricSample(pool.toString(), metric, at, value, source, null))));
	}

}
