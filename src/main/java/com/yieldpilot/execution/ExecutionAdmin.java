package com.yieldpilot.execution;

import java.time.Duration;
import java.util.List;

/**
 * What admins watch of the pipeline: the executor keys and the transactions that are not
 * getting mined. Pausing all execution is the kill switch ({@link Guardrails}): while it
 * is engaged nothing new is signed.
 */
public interface ExecutionAdmin {

	List<ExecutorKeyStatus> keys();

	/**
	 * Executions of all farmers signed or sent longer than {@code olderThan} ago and not
	 * final.
	 */
	List<Execution> stuck(Duration olderThan);

	/** Executions of all farmers with an alert an admin must look at. */
	List<Execution> alerts(int limit);

	/**
	 * Executions of all farmers that wait to be tried again (fees above the cap, the kill
	 * switch, a chain that could not be read), newest first, each with why and when it is
	 * tried next.
	 * @param limit at most this many, 1 to 500
	 */
	List<DeferredExecution> deferred(int limit);

}
