package com.yieldpilot.rules;

/** Why an evaluation that changed a rule's state ended as it did. */
public enum TraceOutcome {

	/** The conditions became true and an intent was proposed. */
	FIRED,
	/** The conditions are no longer all true. */
	NOT_MET,
	/**
	 * The conditions hold again after a stretch of missing or stale data, and they held
	 * before it: the rule does not fire again.
	 */
	STILL_MET,
	/**
	 * A value the conditions need is missing or stale, so they are neither true nor
	 * false.
	 */
	UNKNOWN,
	/** The conditions became true during the rule's cooldown. */
	COOLDOWN,
	/** The intent waits for another intent that moves the same funds. */
	WAITING,
	/** A guardrail, the kill switch or disagreeing data sources stopped the intent. */
	BLOCKED,
	/** The farmer's plan does not allow it (e.g. live mode). */
	PLAN_LIMIT,
	/** The rule has expired. */
	EXPIRED,
	/** The intent passed the guardrails, possibly scaled down. */
	ACCEPTED,
	/** Execution finished the intent (or recorded it, in paper mode). */
	COMPLETED,
	/** Execution failed. */
	FAILED

}
