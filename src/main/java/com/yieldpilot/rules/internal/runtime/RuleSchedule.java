package com.yieldpilot.rules.internal.runtime;

import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

import com.yieldpilot.market.MarketUpdated;
import com.yieldpilot.platform.Foreground;
import com.yieldpilot.platform.scheduling.ClusterJobs;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.internal.RuleChanged;
import com.yieldpilot.rules.internal.RuntimeProperties;
import com.yieldpilot.rules.internal.store.ShardStore;
import com.yieldpilot.rules.lang.Schedule;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Registers one clustered Quartz job per shard, repeating every tick, and evaluates a
 * shard at once on this node when its rules change or the market moves here
 * ({@link ShardRunner}), so rules are evaluated on every market update without waiting
 * for a trigger to be picked up, and a saved rule is live within one evaluation. Quartz
 * runs each shard's tick on one node at a time, a dead node's shards move to the others,
 * and the shard's row lock keeps any two evaluations of it apart.
 */
@Component
@ConditionalOnBooleanProperty(name = "yieldpilot.rules.evaluation.enabled", matchIfMissing = true)
class RuleSchedule implements ApplicationRunner {

	static final String GROUP = "rules";

	static final String SCHEDULED_GROUP = "rules-scheduled";

	static final JobKey RETENTION = JobKey.jobKey("rules-trace-retention", GROUP);

	/** The job every time-triggered rule's own trigger fires. */
	static final JobKey SCHEDULED = JobKey.jobKey("rules-scheduled", GROUP);

	private static final Logger log = LoggerFactory.getLogger(RuleSchedule.class);

	private final ClusterJobs jobs;

	private final Scheduler scheduler;

	private final ShardStore store;

	private final RuntimeProperties runtime;

	private final ShardRunner runner;

	private final Foreground foreground;

	/** Set once the shards exist: no evaluation is asked for before. */
	private volatile boolean started;

	RuleSchedule(ClusterJobs jobs, Scheduler scheduler, ShardStore store, RuntimeProperties runtime, ShardRunner runner,
			Foreground foreground) {
		this.jobs = jobs;
		this.scheduler = scheduler;
		this.store = store;
		this.runtime = runtime;
		this.runner = runner;
		this.foreground = foreground;
	}

	static JobKey shardJob(int shard) {
		return JobKey.jobKey("rules-shard-" + shard, GROUP);
	}

	@Override
	public void run(ApplicationArguments args) throws SchedulerException {
		this.store.ensureShards(this.runtime.shards());
		reconcileSchedules();
		this.jobs.ensureJob(RETENTION, TraceRetentionJob.class);
		this.jobs.ensureTrigger(TriggerBuilder.newTrigger()
			.withIdentity(TriggerKey.triggerKey(RETENTION.getName(), GROUP))
			.forJob(RETENTION)
			.withSchedule(
					CronScheduleBuilder.cronSchedule("0 23 3 * * ?").withMisfireHandlingInstructionFireAndProceed())
			.build());
		for (int shard = 0; shard < this.runtime.shards(); shard++) {
			JobDataMap data = new JobDataMap();
			data.put(RuleShardJob.SHARD, shard);
			this.jobs.ensureJob(shardJob(shard), RuleShardJob.class, data);
			String change = this.jobs.ensureRepeating(shardJob(shard), RuleShardJob.class, this.runtime.tick());
			if (change != null) {
				log.info("Rule shard {} {} every {}", shard, change, this.runtime.tick());
			}
		}
		this.started = true;
		requestAll();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void ruleChanged(RuleChanged changed) {
		if (this.started) {
			this.runner.request(changed.shard());
		}
		try {
			syncSchedule(changed.rule(), this.store.schedule(changed.rule()).orElse(null));
		}
		catch (SchedulerException ex) {
			// the next start reconciles every schedule
			log.error("Could not update the schedule of rule {}: {}", changed.rule(), ex.getMessage());
		}
	}

	static TriggerKey scheduleTrigger(RuleId rule) {
		return TriggerKey.triggerKey("rule-" + rule, SCHEDULED_GROUP);
	}

	/**
	 * Gives a time-triggered rule its own cron trigger, replaces it when the schedule
	 * changed, and removes it when the rule is disabled or no longer scheduled.
	 */
	private void syncSchedule(RuleId rule, @Nullable String cron) throws SchedulerException {
		TriggerKey key = scheduleTrigger(rule);
		Trigger existing = this.scheduler.getTrigger(key);
		if (cron == null) {
			if (existing != null) {
				this.jobs.removeTrigger(key);
			}
			return;
		}
		if (existing instanceof CronTrigger current && current.getCronExpression().equals(cron)) {
			return;
		}
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(key)
			.forJob(SCHEDULED)
			.usingJobData(ScheduledRuleJob.RULE, rule.toString())
			.withSchedule(CronScheduleBuilder.cronSchedule(cron)
				.inTimeZone(TimeZone.getTimeZone(Schedule.ZONE))
				.withMisfireHandlingInstructionDoNothing())
			.build();
		this.jobs.replaceTrigger(trigger);
	}

	/** Every enabled time-triggered rule has its trigger, and no other rule has one. */
	private void reconcileSchedules() throws SchedulerException {
		this.jobs.ensureJob(SCHEDULED, ScheduledRuleJob.class);
		Map<RuleId, String> schedules = this.store.schedules();
		for (Map.Entry<RuleId, String> schedule : schedules.entrySet()) {
			syncSchedule(schedule.getKey(), schedule.getValue());
		}
		for (TriggerKey key : this.scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(SCHEDULED_GROUP))) {
			String id = key.getName().substring("rule-".length());
			if (!schedules.containsKey(new RuleId(UUID.fromString(id)))) {
				this.jobs.removeTrigger(key);
			}
		}
	}

	/**
	 * Asks every shard to evaluate what the update changed once its transaction commits
	 * (at once without one). A plain listener that registers its own after-commit step,
	 * not a transactional one: Spring Modulith keeps a durable publication for every
	 * transactional listener, a row inserted in the ingest's transaction and updated in a
	 * commit of its own afterwards, on the path of every market update, for a request
	 * that lives in memory and that a restart makes anyway (every shard is evaluated when
	 * a node starts).
	 */
	@EventListener
	void marketUpdated(MarketUpdated updated) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			requestChanged(updated);
			return;
		}
		// held from the update until the shards it concerns hold leases of their own:
		// the update's background work (risk scoring, after the same commit) waits
		Foreground.Lease lease = this.foreground.begin();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				requestChanged(updated);
			}

			@Override
			public void afterCompletion(int status) {
				lease.close();
			}
		});
	}

	private void requestChanged(MarketUpdated updated) {
		if (this.started) {
			WatchedTerms.Change change = WatchedTerms.Change.of(updated);
			for (int shard = 0; shard < this.runtime.shards(); shard++) {
				this.runner.request(shard, change);
			}
		}
	}

	private void requestAll() {
		for (int shard = 0; shard < this.runtime.shards(); shard++) {
			this.runner.request(shard);
		}
	}

}
