package com.yieldpilot.vault.internal;

import java.time.Duration;

import com.yieldpilot.platform.scheduling.ClusterJobs;
import org.quartz.SchedulerException;

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

	private final ClusterJobs jobs;

	private final Duration interval;

	PortfolioSchedule(ClusterJobs jobs, @Value("${yieldpilot.vault.snapshot.interval:5m}") Duration interval) {
		this.jobs = jobs;
		this.interval = interval;
	}

	@Override
	public void run(ApplicationArguments args) throws SchedulerException {
		this.jobs.ensureRepeating(PortfolioSnapshotJob.KEY, PortfolioSnapshotJob.class, this.interval);
	}

}
