package com.yieldpilot.rules;

/** Whether a rule is evaluated. */
public enum RuleStatus {

	/** Evaluated on its shard's market updates or its schedule. */
	ENABLED,
	/** Kept with its versions and traces, but not evaluated. */
	DISABLED

}
