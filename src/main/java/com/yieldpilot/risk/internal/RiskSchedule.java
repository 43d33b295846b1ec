package com.yieldpilot.risk.internal;

import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Registers the retraining job with the clustered scheduler once, on a cron schedule
 * (weekly by default, early on Monday, as the walk-forward evaluation retrains); an
 * existing trigger is kept unless its schedule changed, so nodes starting together do not
 * reset it.
 */
@Component
@ConditionalOnBooleanProperty(name = "yieldpilot.risk.retrain.enabled", matchIfMissing = true)
class RiskSchedule implements ApplicationRunner {

	static final JobKey RETRAIN = JobKey.jobKey("risk-retrain", "risk");

	private final Scheduler scheduler;

	private final String cron;

	RiskSchedule(Scheduler scheduler, @Value("${yieldpilot.risk.retrain.cron:0 0 3 ? * MON}") String cron) {
		if (!CronExpression.isValidExpression(cron)) {
			throw new IllegalArgumentException("yieldpilot.risk.retrain.cron '" + cron
					+ "' is not a Quartz cron expression, e.g. '0 0 3 ? * MON' (03:00 every Monday)");
		}
		this.scheduler = scheduler;
		this.cron = cron;
	}

	@Override
	public void run(ApplicationArguments args) throws SchedulerException {
		if (!this.scheduler.checkExists(RETRAIN)) {
			try {
				this.scheduler.addJob(JobBuilder.newJob(RetrainJob.class).withIdentity(RETRAIN).storeDurably().build(),
						false);
			}
			catch (ObjectAlreadyExistsException ex) {
				// another node registered it first
			}
		}
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(TriggerKey.triggerKey(RETRAIN.getName(), RETRAIN.getGroup()))
			.forJob(RETRAIN)
			.withSchedule(CronScheduleBuilder.cronSchedule(this.cron).withMisfireHandlingInstructionFireAndProceed())
			.build();
		Trigger existing = this.scheduler.getTrigger(trigger.getKey());
		if (existing instanceof CronTrigger current && !current.getCronExpression().equals(this.cron)) {
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

	/** Starts the job now on whichever node picks it up. */
	void startNow() throws SchedulerException {
		this.scheduler.triggerJob(RETRAIN);
	}

}
