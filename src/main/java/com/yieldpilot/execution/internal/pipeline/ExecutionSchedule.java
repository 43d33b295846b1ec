package com.yieldpilot.execution.internal.pipeline;

import com.yieldpilot.platform.scheduling.ClusterJobs;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Registers the pipeline's heartbeat every {@code yieldpilot.execution.poll}. */
@Component
class ExecutionSchedule implements ApplicationRunner {

	static final JobKey WORK = JobKey.jobKey("execution-work", "execution");

	private static final Logger log = LoggerFactory.getLogger(ExecutionSchedule.class);

	private final ClusterJobs jobs;

	private final ExecutionProperties properties;

	ExecutionSchedule(ClusterJobs jobs, ExecutionProperties properties) {
		this.jobs = jobs;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) throws SchedulerException {
		String change = this.jobs.ensureRepeating(WORK, ExecutionWorkJob.class, this.properties.poll());
		if (change != null) {
			log.info("Execution heartbeat {} every {}", change, this.properties.poll());
		}
	}

}
