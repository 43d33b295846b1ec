package com.yieldpilot.platform.scheduling;

import java.time.Duration;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers jobs and triggers with the clustered scheduler so that several nodes starting
 * together neither duplicate nor reset them: what exists is kept, a lost race is not an
 * error, and a changed interval replaces its trigger.
 * <p>
 * Each registration is one database transaction. Quartz's store takes part in Spring's
 * transactions; outside one, each of its statements commits on its own, so a scheduler
 * thread scanning for triggers could find a trigger's row without the row of its schedule
 * (a "No record found" error at every first start), and a replaced trigger could be
 * missing for a moment. A new transaction, whatever the caller's: a listener called after
 * its transaction committed would otherwise write into that finished one.
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
public class ClusterJobs {

	private final Scheduler scheduler;

	public ClusterJobs(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/** Adds a durable job unless it exists. */
	public void ensureJob(JobKey key, Class<? extends Job> type, JobDataMap data) throws SchedulerException {
		if (!this.scheduler.checkExists(key)) {
			try {
				this.scheduler
					.addJob(JobBuilder.newJob(type).withIdentity(key).usingJobData(data).storeDurably().build(), false);
			}
			catch (ObjectAlreadyExistsException ex) {
				// another node registered it first
			}
		}
	}

	public void ensureJob(JobKey key, Class<? extends Job> type) throws SchedulerException {
		ensureJob(key, type, new JobDataMap());
	}

	/** Schedules the trigger unless one with its key exists; true when this call did. */
	public boolean ensureTrigger(Trigger trigger) throws SchedulerException {
		if (this.scheduler.checkExists(trigger.getKey())) {
			return false;
		}
		try {
			this.scheduler.scheduleJob(trigger);
			return true;
		}
		catch (ObjectAlreadyExistsException ex) {
			return false; // another node scheduled it first
		}
	}

	/**
	 * Makes the job run every {@code every} from now on, under a trigger named like the
	 * job. Missed fires after downtime are skipped, not replayed.
	 * @return what changed: {@code "scheduled"}, {@code "rescheduled"} or null
	 */
	public @Nullable String ensureRepeating(JobKey job, Class<? extends Job> type, Duration every)
			throws SchedulerException {
		ensureJob(job, type);
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(TriggerKey.triggerKey(job.getName(), job.getGroup()))
			.forJob(job)
			.startNow()
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(every.toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
		Trigger existing = this.scheduler.getTrigger(trigger.getKey());
		if (existing instanceof SimpleTrigger simple && simple.getRepeatInterval() != every.toMillis()) {
			this.scheduler.rescheduleJob(trigger.getKey(), trigger);
			return "rescheduled";
		}
		if (existing == null && ensureTrigger(trigger)) {
			return "scheduled";
		}
		return null;
	}

	/**
	 * Makes the job run on the Quartz cron expression from now on, under a trigger named
	 * like the job; a changed expression replaces the trigger. A fire missed while every
	 * node was down runs once at the next start.
	 * @return what changed: {@code "scheduled"}, {@code "rescheduled"} or null
	 */
	public @Nullable String ensureCron(JobKey job, Class<? extends Job> type, String cron) throws SchedulerException {
		ensureJob(job, type);
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(TriggerKey.triggerKey(job.getName(), job.getGroup()))
			.forJob(job)
			.withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
			.build();
		Trigger existing = this.scheduler.getTrigger(trigger.getKey());
		if (existing instanceof CronTrigger current && !current.getCronExpression().equals(cron)) {
			this.scheduler.rescheduleJob(trigger.getKey(), trigger);
			return "rescheduled";
		}
		if (existing == null && ensureTrigger(trigger)) {
			return "scheduled";
		}
		return null;
	}

	/**
	 * Puts the trigger in place of the one with its key, or schedules it if there is
	 * none.
	 */
	public void replaceTrigger(Trigger trigger) throws SchedulerException {
		if (this.scheduler.getTrigger(trigger.getKey()) != null) {
			this.scheduler.rescheduleJob(trigger.getKey(), trigger);
		}
		else {
			ensureTrigger(trigger);
		}
	}

	/**
	 * Fires the job once as soon as a node's scheduler takes it, if the job exists;
	 * returns whether it does.
	 */
	public boolean runNow(JobKey key) throws SchedulerException {
		if (!this.scheduler.checkExists(key)) {
			return false;
		}
		this.scheduler.triggerJob(key);
		return true;
	}

	/** Removes the trigger if it exists. */
	public void removeTrigger(TriggerKey key) throws SchedulerException {
		this.scheduler.unscheduleJob(key);
	}

}
