package com.yieldpilot.platform.scheduling;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** RELIABILITY 23: a dead scheduler thread turns the health check DOWN. */
class SchedulerHealthIT extends ApplicationIT {

	@Autowired
	SchedulerHealthIndicator applicationHealth;

	@Autowired
	QuartzProperties quartz;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ClusterCheckins checkins;

	@Test
	void runningSchedulerIsUpWithARecentCheckin() {
		var health = this.applicationHealth.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsKeys("instanceId", "lastCheckin");
	}

	@Test
	void deadSchedulerThreadTurnsHealthDown() throws Exception {
		SchedulerFactoryBean factory = isolatedNode();
		try {
			Scheduler scheduler = QuartzTestNodes.scheduler(factory);
			scheduler.start();
			SchedulerHealthIndicator health = new SchedulerHealthIndicator(scheduler, this.checkins, Clock.systemUTC());
			await().atMost(Duration.ofSeconds(20)).until(() -> health.health().getStatus().equals(Status.UP));

			Thread thread = QuartzInternals.schedulerThread(scheduler);
			Method halt = thread.getClass().getDeclaredMethod("halt", boolean.class);
			halt.setAccessible(true);
			halt.invoke(thread, true);

			assertThat(thread.isAlive()).isFalse();
			assertThat(scheduler.isStarted()).as("Quartz itself still reports running").isTrue();
			var down = health.health(true);
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsEntry("reason", "the Quartz scheduler thread is dead");
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void shutDownSchedulerIsDown() throws Exception {
		SchedulerFactoryBean factory = isolatedNode();
		Scheduler scheduler = QuartzTestNodes.scheduler(factory);
		scheduler.start();
		factory.destroy();
		var health = new SchedulerHealthIndicator(scheduler, this.checkins, Clock.systemUTC()).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason", "the scheduler is shut down");
	}

	@Test
	void nodeThatStoppedCheckingInIsDown() throws Exception {
		SchedulerFactoryBean factory = isolatedNode();
		try {
			Scheduler scheduler = QuartzTestNodes.scheduler(factory);
			scheduler.start();
			// a clock five minutes ahead sees the last check-in as long overdue
			Clock late = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5));
			var health = new SchedulerHealthIndicator(scheduler, this.checkins, late).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("reason").toString()).contains("has not checked in");
		}
		finally {
			factory.destroy();
		}
	}

	private SchedulerFactoryBean isolatedNode() throws Exception {
		return QuartzTestNodes.create(this.quartz, this.dataSource, this.transactions,
				Map.of("org.quartz.scheduler.instanceName", "health-" + UUID.randomUUID()));
	}

}
