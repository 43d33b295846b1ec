package com.yieldpilot.platform.scheduling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Counts how often each trigger fired, across every scheduler node in this JVM. */
public class CountingJob implements Job {

	static final Map<String, AtomicInteger> FIRES = new ConcurrentHashMap<>();

	static final Map<String, String> NODE = new ConcurrentHashMap<>();

	@Override
	public void execute(JobExecutionContext context) {
		String key = context.getTrigger().getKey().toString();
		FIRES.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
		try {
			NODE.put(key, context.getScheduler().getSchedulerInstanceId());
		}
		catch (org.quartz.SchedulerException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static int fires(String group) {
		return FIRES.entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith(group + "."))
			.mapToInt(e -> e.getValue().get())
			.sum();
	}

}
