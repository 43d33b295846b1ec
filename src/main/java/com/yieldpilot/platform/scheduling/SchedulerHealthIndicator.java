package com.yieldpilot.platform.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.quartz.Scheduler;
import org.quartz.impl.jdbcjobstore.JobStoreSupport;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The scheduler is healthy when it runs, its scheduler thread is alive and its node
 * checked in to the cluster recently. A node that stops checking in is declared failed by
 * the others, which then take over its jobs, so a stale check-in must show here before it
 * causes duplicates.
 */
@Component("scheduler")
public class SchedulerHealthIndicator extends AbstractHealthIndicator {

	private final Scheduler scheduler;

	private final ClusterCheckins checkins;

	private final Clock clock;

	public SchedulerHealthIndicator(Scheduler scheduler, ClusterCheckins checkins, Clock clock) {
		super("Scheduler health check failed");
		this.scheduler = scheduler;
		this.checkins = checkins;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		builder.withDetail("instanceId", this.scheduler.getSchedulerInstanceId());
		if (this.scheduler.isShutdown()) {
			builder.down().withDetail("reason", "the scheduler is shut down");
			return;
		}
		if (!this.scheduler.isStarted() || this.scheduler.isInStandbyMode()) {
			builder.down().withDetail("reason", "the scheduler is not running");
			return;
		}
		if (!QuartzInternals.schedulerThread(this.scheduler).isAlive()) {
			builder.down().withDetail("reason", "the Quartz scheduler thread is dead");
			return;
		}
		if (QuartzInternals.jobStore(this.scheduler) instanceof JobStoreSupport store && store.isClustered()) {
			Duration interval = Duration.ofMillis(store.getClusterCheckinInterval());
			Optional<Instant> last = this.checkins.lastCheckin(this.scheduler.getSchedulerName(),
					this.scheduler.getSchedulerInstanceId());
			// the first check-in happens when the scheduler starts; allow three intervals
			// of lag after that
			Instant deadline = this.clock.instant().minus(interval.multipliedBy(3));
			if (last.isEmpty() || last.get().isBefore(deadline)) {
				builder.down()
					.withDetail("reason", "this node has not checked in to the cluster since "
							+ last.map(Instant::toString).orElse("it started"));
				return;
			}
			builder.withDetail("lastCheckin", last.get().toString());
		}
		builder.up();
	}

}
