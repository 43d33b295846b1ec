package com.yieldpilot.platform.scheduling;

import java.util.List;

/**
 * Thrown at start-up when Quartz would not run as one clustered JDBC scheduler shared by
 * all nodes.
 */
public class SchedulerMisconfiguredException extends IllegalStateException {

	private final List<String> problems;

	public SchedulerMisconfiguredException(List<String> problems) {
		super("Quartz is not configured as a clustered JDBC scheduler: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
