package com.yieldpilot.vault.internal;

import java.time.Duration;

import org.quartz.JobBuilder;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Registers the portfolio snapshot job with the clustered scheduler once; an existing
 * schedule is kept, a changed interval replaces its trigger.
 */
@Component
@ConditionalOnBooleanProperty(name = "yieldpilot.vault.snapshot.enabled", matchIfMissing = true)
class PortfolioSchedule implements ApplicationRunner {

	private final Scheduler scheduler;

	private final Duration interval;

	PortfolioSchedule(Scheduler scheduler, @Value("${yieldpilot.vault.snapshot.interval:5m}") Duration interval) {
		this.scheduler = scheduler;
		this.interval = interval;
	}

	@Override
	public void run(ApplicationArguments args) throws SchedulerException {
		var key = PortfolioSnapshotJob.KEY;
		if (!this.scheduler.checkExists(key)) {
			try {
				this.scheduler.addJob(
						JobBuilder.newJob(PortfolioSnapshotJob.class).withIdentity(key).storeDurably().build(), false);
			}
			catch (ObjectAlreadyExistsException ex) {
				// another node registered it first
			}
		}
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(TriggerKey.triggerKey(key.getName(), key.getGroup()))
			.forJob(key)
			.startNow()
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(this.interval.toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
		Trigger existing = this.scheduler.getTrigger(trigger.getKey());
		if (existing instanceof SimpleTrigger simple && simple.getRepeatInterval() != this.interval.toMillis()) {
			this.scheduler.rescheduleJob(trigger.getKey(), trigger);
		}
		else if (existing == null) {
			try {
				this.scheduler.scheduleJob(trigger);
			}
			catch (ObjectAlreadyExistsException ex) {
				// another node scheduled it first
			}
		}
	}

}
