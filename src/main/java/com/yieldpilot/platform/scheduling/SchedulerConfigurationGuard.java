package com.yieldpilot.platform.scheduling;

import java.util.List;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a node whose scheduler could double-fire jobs on a cluster. Runs after
 * the scheduler is created and before it starts, so a misconfigured node never acquires a
 * trigger.
 */
@Component
class SchedulerConfigurationGuard implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(SchedulerConfigurationGuard.class);

	private final Scheduler scheduler;

	private final QuartzProperties properties;

	SchedulerConfigurationGuard(Scheduler scheduler, QuartzProperties properties) {
		this.scheduler = scheduler;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			String instanceId = this.properties.getProperties()
				.getOrDefault("org.quartz.scheduler.instanceId", "NON_CLUSTERED");
			List<String> problems = SchedulerConfigurationCheck.problems(this.scheduler, instanceId);
			if (!problems.isEmpty()) {
				throw new SchedulerMisconfiguredException(problems);
			}
			log.info("Quartz scheduler '{}' runs clustered on the JDBC job store as instance {}",
					this.scheduler.getSchedulerName(), this.scheduler.getSchedulerInstanceId());
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot read the Quartz scheduler's configuration", ex);
		}
	}

}
