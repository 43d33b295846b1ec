package com.yieldpilot.platform.scheduling;

import java.lang.reflect.Field;

import org.quartz.Scheduler;
import org.quartz.core.QuartzScheduler;
import org.quartz.core.QuartzSchedulerResources;
import org.quartz.impl.StdScheduler;
import org.quartz.spi.JobStore;

/**
 * Reads what a running Quartz scheduler really uses. Quartz exposes the job store class
 * but not the job store instance or the scheduler thread, and Spring may replace the
 * configured job store, so the start-up guard and the health check look inside. Kept in
 * one place so a Quartz upgrade breaks one class loudly.
 */
final class QuartzInternals {

	private QuartzInternals() {
	}

	static JobStore jobStore(Scheduler scheduler) {
		QuartzSchedulerResources resources = (QuartzSchedulerResources) read(QuartzScheduler.class, "resources",
				core(scheduler));
		return resources.getJobStore();
	}

	static Thread schedulerThread(Scheduler scheduler) {
		return (Thread) read(QuartzScheduler.class, "schedThread", core(scheduler));
	}

	private static QuartzScheduler core(Scheduler scheduler) {
		if (!(scheduler instanceof StdScheduler)) {
			throw new IllegalStateException(
					"Expected Quartz's StdScheduler but found " + scheduler.getClass().getName());
		}
		return (QuartzScheduler) read(StdScheduler.class, "sched", scheduler);
	}

	private static Object read(Class<?> owner, String fieldName, Object target) {
		try {
			Field field = owner.getDeclaredField(fieldName);
			field.setAccessible(true);
			return field.get(target);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalStateException("Cannot inspect Quartz (" + owner.getSimpleName() + "." + fieldName
					+ "); was Quartz upgraded? YieldPilot is built against Quartz 2.5.", ex);
		}
	}

}
