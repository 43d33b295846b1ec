package com.yieldpilot.platform.scheduling;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused scheduler configuration into a start-up report that says what to
 * change.
 */
class SchedulerMisconfigurationFailureAnalyzer extends AbstractFailureAnalyzer<SchedulerMisconfiguredException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SchedulerMisconfiguredException cause) {
		String problems = cause.problems().stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
		return new FailureAnalysis(
				"YieldPilot refuses to start: its Quartz scheduler would not run as one clustered JDBC scheduler "
						+ "shared by every node, so jobs could fire twice.\n" + problems,
				"Fix the settings above (see the README, 'Configuration for production'). Every node needs "
						+ "job-store-type=jdbc, isClustered=true, acquireTriggersWithinLock=true, instanceId=AUTO "
						+ "and the PostgreSQL delegate.",
				cause);
	}

}
