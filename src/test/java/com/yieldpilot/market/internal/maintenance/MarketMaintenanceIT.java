package com.yieldpilot.market.internal.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.yieldpilot.market.HistoryPoint;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.Resolution;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketBatch;
import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.market.internal.store.RollupStore;
import com.yieldpilot.market.internal.store.SampleStore;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Rollups keep history cheap for years; raw partitions past retention are dropped, the
 * rollups stay.
 */
class MarketMaintenanceIT extends ApplicationIT {

	private static final Instant DAY_ONE = Instant.parse("2023-02-10T00:00:00Z");

	@Autowired
	MarketIngestion ingestion;

	@Autowired
	SampleStore samples;

	@Autowired
	RollupStore rollups;

	@Autowired
	MarketData market;

	@Autowired
	MarketMaintenance maintenance;

	@Test
	void dailyAndHourlyRollupsSummariseTheRawSamplesAndOutliveThem() {
		PoolId pool = PoolId.parse("rollup-" + UUID.randomUUID().toString().substring(0, 6) + ":base:USDC");
		// two days of hourly APY: day one 1.0, 2.0, ... 24.0; day two all 5.0
		for (int hour = 0; hour < 48; hour++) {
			Instant at = DAY_ONE.plus(Duration.ofHours(hour)).plusSeconds(90);
			double value = (hour < 24) ? hour + 1 : 5.0;
			this.ingestion.ingest(new MarketBatch(Source.IMPORT, at,
					List.of(new PoolDescriptor(pool, null, null, true, PoolDescriptor.Origin.REGISTRY)),
					List.of(new MetricSample(pool.toString(), Metric.APY, at, value, Source.IMPORT, null))));
		}
		Instant end = DAY_ONE.plus(Duration.ofDays(2));
		assertThat(this.rollups.rollup(Resolution.HOUR, DAY_ONE, end)).isGreaterThanOrEqualTo(48);
		assertThat(this.rollups.rollup(Resolution.DAY, DAY_ONE, end)).isGreaterThanOrEqualTo(2);

		List<HistoryPoint> days = this.market.history(pool, Metric.APY, Resolution.DAY, DAY_ONE, end);
		assertThat(days).hasSize(2);
		assertThat(days.get(0).value()).isCloseTo(12.5, within(1e-9));
		assertThat(days.get(0).min()).isEqualTo(1.0);
		assertThat(days.get(0).max()).isEqualTo(24.0);
		assertThat(days.get(0).samples()).isEqualTo(24);
		assertThat(days.get(1).value()).isCloseTo(5.0, within(1e-9));
		assertThat(this.market.history(pool, Metric.APY, Resolution.HOUR, DAY_ONE, end)).hasSize(48);

		List<String> dropped = this.samples.dropRawBefore(Instant.parse("2023-03-01T00:00:00Z"));
		assertThat(dropped).contains("metric_sample_2023_02");
		assertThat(this.market.history(pool, Metric.APY, Resolution.RAW, DAY_ONE, end)).isEmpty();
		assertThat(this.market.history(pool, Metric.APY, Resolution.DAY, DAY_ONE, end)).as("rollups stay").hasSize(2);
		assertThat(this.samples.dropRawBefore(Instant.parse("2023-03-01T00:00:00Z"))).as("idempotent").isEmpty();

		JsonNode served = JsonMapper.builder()
			.build()
			.readTree(http()
				.get("/api/v1/pools/" + pool + "/history?metric=apy&resolution=day"
						+ "&from=2023-02-10T00:00:00Z&to=2023-02-12T00:00:00Z", credentials().farmerToken())
				.body());
		assertThat(served.get("points")).hasSize(2);
		assertThat(served.get("points").get(0).get("max").asDouble()).isEqualTo(24.0);
	}

	@Test
	void housekeepingPreparesNextMonthsPartitionAndKeepsRecentRawSamples() {
		MarketMaintenance.Report report = this.maintenance.run();
		assertThat(report.droppedPartitions()).noneMatch(name -> name.startsWith("metric_sample_2026"));
		String nextMonth = java.time.YearMonth.now(java.time.ZoneOffset.UTC).plusMonths(1).toString().replace('-', '_');
		assertThat(this.dsl.fetchValue("select to_regclass('metric_sample_" + nextMonth + "')::text"))
			.isEqualTo("metric_sample_" + nextMonth);
	}

}
