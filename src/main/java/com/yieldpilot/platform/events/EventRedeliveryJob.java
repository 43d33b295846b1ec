package com.yieldpilot.platform.events;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Runs {@link EventRedelivery} on one node of the cluster at a time (a clustered Quartz
 * job, so a dead node's round is taken by another).
 */
@DisallowConcurrentExecution
class EventRedeliveryJob implements Job {

	private final EventRedelivery redelivery;

	EventRedeliveryJob(EventRedelivery redelivery) {
		this.redelivery = redelivery;
	}

	@Override
	public void execute(JobExecutionContext context) {
		this.redelivery.run();
	}

}
