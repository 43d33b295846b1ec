package com.yieldpilot.platform.scheduling;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerConfigurationCheckTest {

	@Test
	void rejectsTheInMemoryJobStore() throws Exception {
		Properties properties = new Properties();
		properties.setProperty("org.quartz.scheduler.instanceName", "ram-check");
		properties.setProperty("org.quartz.threadPool.threadCount", "1");
		properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
		Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
		try {
			assertThat(SchedulerConfigurationCheck.problems(scheduler, "AUTO")).singleElement()
				.asString()
				.contains("not a JDBC job store", "spring.quartz.job-store-type=jdbc");
		}
		finally {
			scheduler.shutdown();
		}
	}

}
