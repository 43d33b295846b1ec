package com.yieldpilot.platform.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RELIABILITY 18 and 19: the real scheduler is clustered, and two nodes fire each trigger
 * once.
 */
class QuartzClusterIT extends ApplicationIT {

	@Autowired
	Scheduler scheduler;

	@Autowired
	QuartzProperties quartz;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ClusterCheckins checkins;

	@Test
	void applicationSchedulerRunsClusteredOnTheJdbcStore() throws Exception {
		assertThat(this.scheduler.getMetaData().isJobStoreClustered()).isTrue();
		assertThat(this.scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
		assertThat(SchedulerConfigurationCheck.problems(this.scheduler, "AUTO")).isEmpty();
	}

	@Test
	void twoNodesOnOneDatabaseFireEachTriggerExactlyOnce() throws Exception {
		SchedulerFactoryBean second = QuartzTestNodes.create(this.quartz, this.dataSource, this.transactions, Map.of());
		Scheduler other = QuartzTestNodes.scheduler(second);
		other.start();
		try {
			assertThat(other.getSchedulerInstanceId()).isNotEqualTo(this.scheduler.getSchedulerInstanceId());
			await().atMost(Duration.ofSeconds(20)).until(() -> this.checkins.nodes("yieldpilot").size() >= 2);

			String group = "cluster-" + UUID.randomUUID();
			JobDetail job = JobBuilder.newJob(CountingJob.class).withIdentity("count", group).storeDurably().build();
			this.scheduler.addJob(job, false);
			Date at = Date.from(Instant.now().plusSeconds(2));
			int triggers = 40;
			for (int i = 0; i < triggers; i++) {
				// half are scheduled through each node; either node may fire any of them
				Scheduler via = (i % 2 == 0) ? this.scheduler : other;
				via.scheduleJob(
						TriggerBuilder.newTrigger().withIdentity("t" + i, group).forJob(job).startAt(at).build());
			}

			// a fired one-shot trigger is deleted once its job completed, so no trigger
			// left means no fire to come
			await().atMost(Duration.ofSeconds(60))
				.until(() -> this.scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(group)).isEmpty()
						&& CountingJob.fires(group) >= triggers);
			assertThat(CountingJob.fires(group)).isEqualTo(triggers);
			assertThat(CountingJob.FIRES.entrySet().stream().filter(e -> e.getKey().startsWith(group + ".")))
				.hasSize(triggers)
				.allSatisfy(e -> assertThat(e.getValue().get()).as(e.getKey()).isEqualTo(1));
		}
		finally {
			second.destroy();
		}
	}

	@Test
	void guardRejectsANonClusteredJdbcStore() throws Exception {
		assertThat(problemsOf(Map.of("org.quartz.jobStore.isClustered", "false")))
			.anySatisfy(p -> assertThat(p).contains("not clustered", "org.quartz.jobStore.isClustered=true"));
	}

	@Test
	void guardRejectsAcquiringTriggersOutsideTheLock() throws Exception {
		assertThat(problemsOf(Map.of("org.quartz.jobStore.acquireTriggersWithinLock", "false")))
			.anySatisfy(p -> assertThat(p).contains("acquireTriggersWithinLock=true"));
	}

	@Test
	void guardRejectsAGenericDriverDelegate() throws Exception {
		assertThat(problemsOf(
				Map.of("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate")))
			.anySatisfy(p -> assertThat(p).contains("PostgreSQLDelegate"));
	}

	@Test
	void guardRejectsAFixedInstanceId() throws Exception {
		assertThat(SchedulerConfigurationCheck.problems(this.scheduler, "node-1"))
			.anySatisfy(p -> assertThat(p).contains("instanceId=AUTO"));
	}

	private java.util.List<String> problemsOf(Map<String, String> overrides) throws Exception {
		Map<String, String> isolated = new java.util.HashMap<>(overrides);
		// a separate scheduler name keeps this never-started node out of the
		// application's cluster
		isolated.put("org.quartz.scheduler.instanceName", "guard-check-" + UUID.randomUUID());
		SchedulerFactoryBean factory = QuartzTestNodes.create(this.quartz, this.dataSource, this.transactions,
				isolated);
		try {
			return SchedulerConfigurationCheck.problems(QuartzTestNodes.scheduler(factory), "AUTO");
		}
		finally {
			factory.destroy();
		}
	}

}
