package com.yieldpilot.rules.internal.runtime;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Evaluates one shard of rules. Never concurrent for a shard; in a cluster, one node runs
 * each fire, and the stored state lets any node take over.
 */
@DisallowConcurrentExecution
class RuleShardJob implements Job {

	static final String SHARD = "shard";

	private final ShardEvaluator evaluator;

	RuleShardJob(ShardEvaluator evaluator) {
		this.evaluator = evaluator;
	}

	@Override
	public void execute(JobExecutionContext context) {
		this.evaluator.evaluate(context.getMergedJobDataMap().getInt(SHARD));
	}

}
