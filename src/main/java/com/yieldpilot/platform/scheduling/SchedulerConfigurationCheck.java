package com.yieldpilot.platform.scheduling;

import java.util.ArrayList;
import java.util.List;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.jdbcjobstore.JobStoreSupport;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.spi.JobStore;

/**
 * Checks the configuration a Quartz scheduler is really running with, not the one that
 * was asked for: Spring swaps the job store class when it supplies the DataSource, and
 * {@code isClustered} defaults to false. Every YieldPilot node must share one clustered
 * JDBC job store, or jobs run twice.
 */
public final class SchedulerConfigurationCheck {

	private SchedulerConfigurationCheck() {
	}

	/**
	 * Returns every problem found; an empty list means the scheduler is safe to run
	 * beside other nodes.
	 * @param configuredInstanceId the {@code org.quartz.scheduler.instanceId} property,
	 * which must be AUTO
	 */
	public static List<String> problems(Scheduler scheduler, String configuredInstanceId) throws SchedulerException {
		List<String> problems = new ArrayList<>();
		JobStore store = QuartzInternals.jobStore(scheduler);
		if (!(store instanceof JobStoreSupport jdbc)) {
			problems.add("the job store is " + store.getClass().getName()
					+ ", not a JDBC job store: set spring.quartz.job-store-type=jdbc");
			return problems;
		}
		if (!scheduler.getMetaData().isJobStoreClustered() || !jdbc.isClustered()) {
			problems.add(
					"the job store is not clustered: set spring.quartz.properties.org.quartz.jobStore.isClustered=true");
		}
		if (!jdbc.isAcquireTriggersWithinLock()) {
			problems.add("triggers are acquired outside the lock, which double-fires on a cluster: set "
					+ "spring.quartz.properties.org.quartz.jobStore.acquireTriggersWithinLock=true");
		}
		if (!PostgreSQLDelegate.class.getName().equals(jdbc.getDriverDelegateClass())) {
			problems.add("the driver delegate is " + jdbc.getDriverDelegateClass() + ": set "
					+ "spring.quartz.properties.org.quartz.jobStore.driverDelegateClass="
					+ PostgreSQLDelegate.class.getName());
		}
		if (!"AUTO".equals(configuredInstanceId)) {
			problems.add("the instance id is fixed to '" + configuredInstanceId
					+ "', so two nodes could share it: set spring.quartz.properties.org.quartz.scheduler.instanceId=AUTO");
		}
		return problems;
	}

}
