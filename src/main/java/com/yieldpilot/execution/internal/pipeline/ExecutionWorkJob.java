package com.yieldpilot.execution.internal.pipeline;

import java.util.List;

import com.yieldpilot.execution.ExecutionId;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The pipeline's clustered heartbeat, one node at a time: expires approvals, resumes
 * executions a node left mid-way (its lease ran out) or deferred ones that are due, and
 * follows every sent transaction to the end.
 */
@DisallowConcurrentExecution
class ExecutionWorkJob implements Job {

	private final ExecutionPipeline pipeline;

	private final ExecutionIntake intake;

	private final ExecutionLeases leases;

	private final Confirmations confirmations;

	ExecutionWorkJob(ExecutionPipeline pipeline, ExecutionIntake intake, ExecutionLeases leases,
			Confirmations confirmations) {
		this.pipeline = pipeline;
		this.intake = intake;
		this.leases = leases;
		this.confirmations = confirmations;
	}

	@Override
	public void execute(JobExecutionContext context) {
		this.intake.expireApprovals();
		List<ExecutionId> resumable = this.leases.resumable(100);
		if (!resumable.isEmpty()) {
			this.pipeline.runAll(resumable);
		}
		this.confirmations.poll();
	}

}
