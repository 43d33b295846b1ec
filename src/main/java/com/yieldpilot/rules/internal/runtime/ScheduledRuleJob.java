package com.yieldpilot.rules.internal.runtime;

import java.time.Instant;
import java.util.UUID;

import com.yieldpilot.rules.RuleId;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Runs a time-triggered rule at one of its scheduled times. Each rule has its own cron
 * trigger on this one job; the scheduled time names the evaluation, so a fire that Quartz
 * recovers on another node proposes nothing twice.
 */
class ScheduledRuleJob implements Job {

	static final String RULE = "rule";

	private final ShardEvaluator evaluator;

	ScheduledRuleJob(ShardEvaluator evaluator) {
		this.evaluator = evaluator;
	}

	@Override
	public void execute(JobExecutionContext context) {
		RuleId rule = new RuleId(UUID.fromString(context.getMergedJobDataMap().getString(RULE)));
		Instant scheduled = context.getScheduledFireTime().toInstant();
		this.evaluator.evaluateScheduled(rule, scheduled);
	}

}
