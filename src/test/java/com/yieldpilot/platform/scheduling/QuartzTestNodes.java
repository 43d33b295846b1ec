package com.yieldpilot.platform.scheduling;

import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.quartz.Scheduler;

import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds an extra Quartz node the way Spring Boot builds the application's own: same
 * properties, same DataSource, same transaction manager, so it joins the same cluster
 * (or, with overrides, does not).
 */
final class QuartzTestNodes {

	private QuartzTestNodes() {
	}

	static SchedulerFactoryBean create(QuartzProperties quartz, DataSource dataSource,
			PlatformTransactionManager transactions, Map<String, String> overrides) throws Exception {
		Properties properties = new Properties();
		properties.putAll(quartz.getProperties());
		properties.putAll(overrides);
		SchedulerFactoryBean factory = new SchedulerFactoryBean();
		factory.setQuartzProperties(properties);
		factory.setDataSource(dataSource);
		factory.setTransactionManager(transactions);
		factory.setJobFactory(new SpringBeanJobFactory());
		factory.setAutoStartup(false);
		factory.setWaitForJobsToCompleteOnShutdown(true);
		factory.afterPropertiesSet();
		return factory;
	}

	static Scheduler scheduler(SchedulerFactoryBean factory) {
		Scheduler scheduler = factory.getObject();
		if (scheduler == null) {
			throw new IllegalStateException("The factory made no scheduler");
		}
		return scheduler;
	}

}
