package com.yieldpilot.market.internal.ingest;

import java.time.Duration;

import com.yieldpilot.market.internal.history.BackfillProperties;
import com.yieldpilot.market.internal.history.HistoryBackfillJob;
import com.yieldpilot.market.internal.maintenance.MarketMaintenanceJob;
import com.yieldpilot.platform.scheduling.ClusterJobs;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Registers the market's jobs with the clustered scheduler once: the source refresh, the
 * hourly time series housekeeping and, when DefiLlama is enabled, the history backfill.
 * Existing jobs and triggers are kept, not overwritten, so several nodes starting
 * together neither duplicate nor reset the schedule (and missed fires are not all
 * replayed after downtime); a changed interval replaces that trigger.
 */
@Component
@ConditionalOnBooleanProperty(name = "yieldpilot.market.refresh.enabled", matchIfMissing = true)
class MarketSchedule implements ApplicationRunner {

	static final JobKey REFRESH = JobKey.jobKey("market-refresh", "market");

	static final JobKey MAINTENANCE = JobKey.jobKey("market-maintenance", "market");

	private static final Logger log = LoggerFactory.getLogger(MarketSchedule.class);

	private final ClusterJobs jobs;

	private final Duration interval;

	private final boolean backfill;

	private final Duration backfillInterval;

	MarketSchedule(ClusterJobs jobs, @Value("${yieldpilot.market.refresh.interval:15s}") Duration interval,
			@Value("${yieldpilot.market.defillama.enabled:false}") boolean defiLlama, BackfillProperties backfill) {
		this.jobs = jobs;
		this.interval = interval;
		this.backfill = defiLlama && backfill.enabled();
		this.backfillInterval = backfill.interval();
	}

	@Override
	public void run(ApplicationArguments args) throws SchedulerException {
		ensureRepeating(REFRESH, MarketRefreshJob.class, this.interval, "Market refresh");
		if (this.backfill) {
			ensureRepeating(HistoryBackfillJob.KEY, HistoryBackfillJob.class, this.backfillInterval,
					"History backfill");
		}

		this.jobs.ensureJob(MAINTENANCE, MarketMaintenanceJob.class);
		this.jobs.ensureTrigger(TriggerBuilder.newTrigger()
			.withIdentity(TriggerKey.triggerKey(MAINTENANCE.getName(), MAINTENANCE.getGroup()))
			.forJob(MAINTENANCE)
			.withSchedule(
					CronScheduleBuilder.cronSchedule("0 7 * * * ?").withMisfireHandlingInstructionFireAndProceed())
			.build());
	}

	private void ensureRepeating(JobKey job, Class<? extends Job> type, Duration every, String what)
			throws SchedulerException {
		String change = this.jobs.ensureRepeating(job, type, every);
		if (change != null) {
			log.info("{} {} every {}", what, change, every);
		}
	}

}
