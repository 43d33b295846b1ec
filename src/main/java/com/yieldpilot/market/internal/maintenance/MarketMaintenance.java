package com.yieldpilot.market.internal.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.yieldpilot.market.Resolution;
import com.yieldpilot.market.internal.store.RollupStore;
import com.yieldpilot.market.internal.store.SampleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The hourly housekeeping of the time series: next month's partition exists before it is
 * needed, the last hours and days are rolled up (recomputed, so late samples are
 * counted), and raw samples older than the retention period go, a month at a time, while
 * the rollups stay.
 */
@Service
public class MarketMaintenance {

	private static final Logger log = LoggerFactory.getLogger(MarketMaintenance.class);

	private final SampleStore samples;

	private final RollupStore rollups;

	private final Clock clock;

	private final Duration rawRetention;

	MarketMaintenance(SampleStore samples, RollupStore rollups, Clock clock,
			@Value("${yieldpilot.market.retention.raw:400d}") Duration rawRetention) {
		this.samples = samples;
		this.rollups = rollups;
		this.clock = clock;
		this.rawRetention = rawRetention;
	}

	/** One housekeeping run; safe to repeat. */
	public Report run() {
		Instant now = this.clock.instant();
		this.samples.ensurePartitions(now, now.plus(32, ChronoUnit.DAYS));
		int hours = this.rollups.rollup(Resolution.HOUR, now.minus(3, ChronoUnit.HOURS), now);
		int days = this.rollups.rollup(Resolution.DAY, now.minus(2, ChronoUnit.DAYS), now);
		// rollups of a month are complete long before its raw partition may go
		List<String> dropped = this.samples.dropRawBefore(now.minus(this.rawRetention));
		if (!dropped.isEmpty()) {
			log.info("Dropped raw sample partitions older than {}: {}", this.rawRetention, dropped);
		}
		return new Report(hours, days, dropped);
	}

	/** What a run did. */
	public record Report(int hourBuckets, int dayBuckets, List<String> droppedPartitions) {
	}

}
