package com.yieldpilot.rules.internal.runtime;

import java.util.Optional;
import java.util.UUID;

import com.yieldpilot.rules.RuleId;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Runs a time-triggered rule at one of its scheduled times. Each rule has its own cron
 * trigger on this one job; the scheduled time names the evaluation, so a fire that Quartz
 * recovers on another node proposes nothing twice. A run that waits is tried again by a
 * trigger of its own on the same job ({@link BlockedRuns}), which names the run's time.
 */
class ScheduledRuleJob implements Job {

	static final String RULE = "rule";

	private final ScheduledRuns runs;

	ScheduledRuleJob(ScheduledRuns runs) {
		this.runs = runs;
	}

	@Override
	public void execute(JobExecutionContext context) {
		RuleId rule = new RuleId(UUID.fromString(context.getMergedJobDataMap().getString(RULE)));
		Optional<BlockedRuns.Pending> retry = BlockedRuns.Pending.of(context.getMergedJobDataMap());
		if (retry.isPresent()) {
			this.runs.evaluateScheduled(rule, retry.get().scheduledAt(), retry.get());
		}
		else {
			this.runs.evaluateScheduled(rule, context.getScheduledFireTime().toInstant());
		}
	}

}
