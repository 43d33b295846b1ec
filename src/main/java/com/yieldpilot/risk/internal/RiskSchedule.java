package com.yieldpilot.risk.internal;

import com.yieldpilot.platform.scheduling.ClusterJobs;
import org.quartz.CronExpression;
import org.quartz.JobKey;
import org.quartz.SchedulerException;

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

	private final ClusterJobs jobs;

	private final String cron;

	RiskSchedule(ClusterJobs jobs, @Value("${yieldpilot.risk.retrain.cron:0 0 3 ? * MON}") String cron) {
		if (!CronExpression.isValidExpression(cron)) {
			throw new IllegalArgumentException("yieldpilot.risk.retrain.cron '" + cron
					+ "' is not a Quartz cron expression, e.g. '0 0 3 ? * MON' (03:00 every Monday)");
		}
		this.jobs = jobs;
		this.cron = cron;
	}

	@Override
	public void run(ApplicationArguments args) throws SchedulerException {
		this.jobs.ensureCron(RETRAIN, RetrainJob.class, this.cron);
	}

}
