package com.yieldpilot.platform.scheduling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering a trigger while the clustered scheduler's thread scans for the next ones to
 * fire: each registration commits whole, so the scan never finds a trigger without the
 * row of its schedule, which Quartz reports as "An error occurred while scanning for the
 * next triggers to fire" (it happened at every first start of a node, when the rule
 * shards' triggers were registered one after the other).
 */
class ClusterJobsIT extends ApplicationIT {

	private static final String GROUP = "cluster-jobs-it";

	@Autowired
	ClusterJobs jobs;

	@Autowired
	Scheduler scheduler;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	private final ListAppender<ILoggingEvent> quartzErrors = new ListAppender<>();

	private final Logger errorLogger = (Logger) LoggerFactory.getLogger("org.quartz.core.ErrorLogger");

	/** Does nothing: the test is about its trigger. */
	public static class Idle implements Job {

		@Override
		public void execute(JobExecutionContext context) {
		}

	}

	@AfterEach
	void remove() {
		this.errorLogger.detachAppender(this.quartzErrors);
		// in one transaction, as ClusterJobs registers: outside one, Quartz's lock ends
		// with each statement, and the scheduler's thread, firing one of these triggers,
		// stores it again between the deletion of the job's triggers and of the job
		this.transactions.executeWithoutResult((tx) -> {
			try {
				this.scheduler
					.deleteJobs(new ArrayList<>(this.scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))));
			}
			catch (SchedulerException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	@Test
	void triggersRegisteredOneAfterTheOtherAreNeverSeenHalfWrittenByAnotherConnection() throws Exception {
		this.quartzErrors.start();
		this.errorLogger.addAppender(this.quartzErrors);
		List<JobKey> registered = new ArrayList<>();
		AtomicBoolean registering = new AtomicBoolean(true);
		AtomicInteger looks = new AtomicInteger();
		CompletableFuture<Integer> halfWritten = CompletableFuture.supplyAsync(() -> {
			try (Connection connection = this.dataSource.getConnection();
					PreparedStatement query = connection.prepareStatement("select count(*) from qrtz_triggers t "
							+ "where t.trigger_group = ? and not exists (select 1 from qrtz_simple_triggers s "
							+ "where s.sched_name = t.sched_name and s.trigger_name = t.trigger_name "
							+ "and s.trigger_group = t.trigger_group)")) {
				query.setString(1, GROUP);
				int seen = 0;
				while (registering.get()) {
					try (ResultSet rows = query.executeQuery()) {
						rows.next();
						seen += rows.getInt(1);
						looks.incrementAndGet();
					}
				}
				return seen;
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});

		try {
			// each new trigger starts now, so each also wakes the scheduler's thread to
			// scan while the next one is written
			for (int i = 0; i < 200; i++) {
				JobKey job = JobKey.jobKey("idle-" + i, GROUP);
				assertThat(this.jobs.ensureRepeating(job, Idle.class, Duration.ofHours(1))).isEqualTo("scheduled");
				registered.add(job);
			}
		}
		finally {
			registering.set(false);
		}

		assertThat(halfWritten.get(30, TimeUnit.SECONDS)).as("half-written triggers seen").isZero();
		assertThat(looks.get()).as("looks while registering").isGreaterThan(100);
		// only the scan's error: other jobs of the shared node may report
		// theirs meanwhile
		assertThat(this.quartzErrors.list).filteredOn((e) -> e.getLevel().isGreaterOrEqual(Level.ERROR))
			.extracting(ILoggingEvent::getFormattedMessage)
			.noneMatch((message) -> message.contains("scanning for the next triggers"));
		for (JobKey job : registered) {
			assertThat(this.scheduler.getTrigger(TriggerKey.triggerKey(job.getName(), GROUP))).isInstanceOfSatisfying(
					SimpleTrigger.class,
					(t) -> assertThat(t.getRepeatInterval()).isEqualTo(Duration.ofHours(1).toMillis()));
		}
		// registering again changes nothing
		assertThat(this.jobs.ensureRepeating(registered.getFirst(), Idle.class, Duration.ofHours(1))).isNull();
	}

}
