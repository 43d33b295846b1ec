package com.yieldpilot.market.internal.history;

import java.time.Instant;
import java.util.List;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.Resolution;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.store.RollupBucket;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Old history goes straight into rollup buckets, computed as the database computes them.
 */
class HistoryWriterBucketsTest {

	private static final String POOL = "curve-dex:ethereum:3pool";

	@Test
	void bucketsHoldMeanExtremesNewestValueAndCountPerMetricInUtc() {
		List<MetricSample> samples = List.of(sample(Metric.APY, "2023-05-01T23:10:00Z", 4.0),
				sample(Metric.APY, "2023-05-01T23:50:00Z", 6.0), sample(Metric.APY, "2023-05-01T01:00:00Z", 2.0),
				sample(Metric.TVL, "2023-05-01T23:10:00Z", 1e6), sample(Metric.APY, "2023-05-02T00:10:00Z", 3.0));

		List<RollupBucket> days = HistoryWriter.buckets(samples, Resolution.DAY);
		assertThat(days).containsExactly(
				new RollupBucket(POOL, Metric.APY, Resolution.DAY, Instant.parse("2023-05-01T00:00:00Z"), 4.0, 2.0, 6.0,
						6.0, 3),
				new RollupBucket(POOL, Metric.TVL, Resolution.DAY, Instant.parse("2023-05-01T00:00:00Z"), 1e6, 1e6, 1e6,
						1e6, 1),
				new RollupBucket(POOL, Metric.APY, Resolution.DAY, Instant.parse("2023-05-02T00:00:00Z"), 3.0, 3.0, 3.0,
						3.0, 1));

		List<RollupBucket> hours = HistoryWriter.buckets(samples, Resolution.HOUR);
		assertThat(hours).hasSize(4).first().satisfies(bucket -> {
			assertThat(bucket.bucket()).isEqualTo(Instant.parse("2023-05-01T23:00:00Z"));
			assertThat(bucket.avg()).isEqualTo(5.0);
			assertThat(bucket.last()).isEqualTo(6.0);
			assertThat(bucket.samples()).isEqualTo(2);
		});
	}

	private static MetricSample sample(Metric metric, String at, double value) {
		return new MetricSample(POOL, metric, Instant.parse(at), value, Source.IMPORT, null);
	}

}
