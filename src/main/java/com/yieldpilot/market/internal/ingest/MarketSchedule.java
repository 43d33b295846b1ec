package com.yieldpilot.market.internal.ingest;

import java.time.Duration;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
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
 * Registers the market refresh with the clustered scheduler once. An existing job and
 * trigger are kept (not overwritten), so several nodes starting together neither
 * duplicate nor reset the schedule; a changed interval replaces the trigger.
 */
@Component
@ConditionalOnBooleanProperty(name = "yieldpilot.market.refresh.enabled", matchIfMissing = true)
class MarketSchedule implements ApplicationRunner {

	static final JobKey JOB = JobKey.jobKey("market-refresh", "market");

	static final TriggerKey TRIGGER = TriggerKey.triggerKey("market-refresh", "market");

	private static final Logger log = LoggerFactory.getLogger(MarketSchedule.class);

	private final Scheduler scheduler;

	private final Duration interval;

	MarketSchedule(Scheduler scheduler, @Value("${yieldpilot.market.refresh.interval:15s}") Duration interval) {
		this.scheduler = scheduler;
		this.interval = interval;
	}

	@Override
	public void run(ApplicationArguments args) throws SchedulerException {
		if (!this.scheduler.checkExists(JOB)) {
			JobDetail job = JobBuilder.newJob(MarketRefreshJob.class).withIdentity(JOB).storeDurably().build();
			try {
				this.scheduler.addJob(job, false);
			}
			catch (org.quartz.ObjectAlreadyExistsException ex) {
				// another node registered it first
			}
		}
		Trigger wanted = TriggerBuilder.newTrigger()
			.withIdentity(TRIGGER)
			.forJob(JOB)
			.startNow()
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(this.interval.toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
		Trigger existing = this.scheduler.getTrigger(TRIGGER);
		if (existing == null) {
			try {
				this.scheduler.scheduleJob(wanted);
				log.info("Market refresh scheduled every {}", this.interval);
			}
			catch (org.quartz.ObjectAlreadyExistsException ex) {
				// another node scheduled it first
			}
		}
		else if (existing instanceof org.quartz.SimpleTrigger simple
				&& simple.getRepeatInterval() != this.interval.toMillis()) {
			this.scheduler.rescheduleJob(TRIGGER, wanted);
			log.info("Market refresh interval changed to {}", this.interval);
		}
	}

}
