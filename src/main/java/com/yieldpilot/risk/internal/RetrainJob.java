package com.yieldpilot.risk.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Retrains the risk model on the stored history (clustered: one node runs it). */
@DisallowConcurrentExecution
class RetrainJob implements Job {

	private final Retraining retraining;

	RetrainJob(Retraining retraining) {
		this.retraining = retraining;
	}

	@Override
	public void execute(JobExecutionContext context) {
		this.retraining.run();
	}

}
