package com.yieldpilot.rules.internal.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.yieldpilot.market.MarketUpdated;
import com.yieldpilot.platform.scheduling.ClusterJobs;
import com.yieldpilot.rules.internal.RuleChanged;
import com.yieldpilot.rules.internal.RuntimeProperties;
import com.yieldpilot.rules.internal.store.RuleStore;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Registers one clustered Quartz job per shard, repeating every tick, and fires a shard's
 * job at once when its rules change or the market moves, so rules are evaluated on every
 * market update and a saved rule is live within one evaluation. Quartz runs each shard on
 * one node at a time, and a dead node's shards move to the others.
 */
@Component
@ConditionalOnBooleanProperty(name = "yieldpilot.rules.evaluation.enabled", matchIfMissing = true)
class RuleSchedule implements ApplicationRunner {

	static final String GROUP = "rules";

	private static final Logger log = LoggerFactory.getLogger(RuleSchedule.class);

	/** Market updates closer together than this fire a shard once. */
	private static final long COALESCE_MILLIS = 1_000;

	private final ClusterJobs jobs;

	private final Scheduler scheduler;

	private final RuleStore store;

	private final RuntimeProperties runtime;

	private final Clock clock;

	private final Map<Integer, Instant> lastFired = new ConcurrentHashMap<>();

	RuleSchedule(ClusterJobs jobs, Scheduler scheduler, RuleStore store, RuntimeProperties runtime, Clock clock) {
		this.jobs = jobs;
		this.scheduler = scheduler;
		this.store = store;
		this.runtime = runtime;
		this.clock = clock;
	}

	static JobKey shardJob(int shard) {
		return JobKey.jobKey("rules-shard-" + shard, GROUP);
	}

	@Override
	public void run(ApplicationArguments args) throws SchedulerException {
		this.store.ensureShards(this.runtime.shards());
		for (int shard = 0; shard < this.runtime.shards(); shard++) {
			JobDataMap data = new JobDataMap();
			data.put(RuleShardJob.SHARD, shard);
			this.jobs.ensureJob(shardJob(shard), RuleShardJob.class, data);
			String change = this.jobs.ensureRepeating(shardJob(shard), RuleShardJob.class, this.runtime.tick());
			if (change != null) {
				log.info("Rule shard {} {} every {}", shard, change, this.runtime.tick());
			}
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void ruleChanged(RuleChanged changed) {
		fire(changed.shard(), true);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void marketUpdated(MarketUpdated updated) {
		for (int shard = 0; shard < this.runtime.shards(); shard++) {
			fire(shard, false);
		}
	}

	private void fire(int shard, boolean always) {
		Instant now = this.clock.instant();
		Instant last = this.lastFired.get(shard);
		if (!always && last != null && now.toEpochMilli() - last.toEpochMilli() < COALESCE_MILLIS) {
			return;
		}
		this.lastFired.put(shard, now);
		try {
			this.scheduler.triggerJob(shardJob(shard));
		}
		catch (SchedulerException ex) {
			// the repeating trigger evaluates the shard within one tick anyway
			log.warn("Could not fire rule shard {} now: {}", shard, ex.getMessage());
		}
	}

}
