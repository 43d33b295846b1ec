package com.yieldpilot.rules.internal.runtime;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.internal.RuntimeProperties;
import com.yieldpilot.rules.lang.Schedule;
import org.quartz.CronExpression;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import org.springframework.stereotype.Component;

/**
 * The scheduled runs that the data held up (a pool's stale or disagreeing numbers, a
 * condition that could not be evaluated), each waiting to be tried again: one clustered
 * Quartz trigger per rule, on the scheduled rules' job, that carries the run's scheduled
 * time, the rule's version and why it waits. The trigger is written in the evaluation's
 * transaction, so a run is never left without its retry, and it survives a restart: a
 * retry missed while every node was down fires at the next start. A run waits until the
 * next scheduled time of its rule at most; the next run takes its place then, so a rule
 * never has two runs pending.
 */
@Component
class BlockedRuns {

	static final String GROUP = "rules-retry";

	static final String SCHEDULED_AT = "scheduledAt";

	static final String VERSION = "version";

	static final String WAITS = "waits";

	private final Scheduler scheduler;

	private final RuntimeProperties runtime;

	BlockedRuns(Scheduler scheduler, RuntimeProperties runtime) {
		this.scheduler = scheduler;
		this.runtime = runtime;
	}

	/**
	 * A scheduled run that waits: when it was due, the version it ran, and why it waits
	 * (the trace's reason, so a retry that finds the same writes no new trace).
	 */
	record Pending(Instant scheduledAt, int version, String waits) {

		static Optional<Pending> of(JobDataMap data) {
			if (!data.containsKey(SCHEDULED_AT)) {
				return Optional.empty();
			}
			return Optional.of(new Pending(Instant.parse(data.getString(SCHEDULED_AT)), data.getInt(VERSION),
					data.getString(WAITS)));
		}

	}

	static TriggerKey trigger(RuleId rule) {
		return TriggerKey.triggerKey("rule-" + rule, GROUP);
	}

	/** The rule's run that waits, if one does. */
	Optional<Pending> pending(RuleId rule) {
		try {
			Trigger trigger = this.scheduler.getTrigger(trigger(rule));
			return (trigger != null) ? Pending.of(trigger.getJobDataMap()) : Optional.empty();
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot read the pending run of rule " + rule + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Tries the run again one retry period from {@code now}, in place of any run of the
	 * rule that waited before; joins the caller's transaction.
	 */
	void retryLater(RuleId rule, Pending run, Instant now) {
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(trigger(rule))
			.forJob(RuleSchedule.SCHEDULED)
			.usingJobData(ScheduledRuleJob.RULE, rule.toString())
			.usingJobData(SCHEDULED_AT, run.scheduledAt().toString())
			.usingJobData(VERSION, run.version())
			.usingJobData(WAITS, run.waits())
			.startAt(Date.from(now.plus(this.runtime.blockedRunRetry())))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
		try {
			if (this.scheduler.checkExists(trigger.getKey())) {
				// also when it is the trigger running now: Quartz keeps a trigger
				// rescheduled by its own job
				this.scheduler.rescheduleJob(trigger.getKey(), trigger);
			}
			else {
				this.scheduler.scheduleJob(trigger);
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot schedule the retry of rule " + rule + ": " + ex.getMessage(), ex);
		}
	}

	/** Forgets the rule's pending run; joins the caller's transaction. */
	void cancel(RuleId rule) {
		try {
			this.scheduler.unscheduleJob(trigger(rule));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot cancel the retry of rule " + rule + ": " + ex.getMessage(), ex);
		}
	}

	/** The schedule's first time after {@code after}. */
	static Instant next(Schedule schedule, Instant after) {
		try {
			CronExpression cron = new CronExpression(schedule.cron());
			cron.setTimeZone(TimeZone.getTimeZone(Schedule.ZONE));
			Date next = cron.getNextValidTimeAfter(Date.from(after));
			return (next != null) ? next.toInstant() : Instant.MAX;
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The schedule's cron expression " + schedule.cron() + " does not parse",
					ex);
		}
	}

}
