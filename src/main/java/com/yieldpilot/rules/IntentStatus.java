package com.yieldpilot.rules;

/** Where an action intent stands, as the rules module sees it. */
public enum IntentStatus {

	/** Proposed by a firing; the guardrails have not reviewed it yet. */
	PROPOSED(false),
	/**
	 * Another intent of the farmer moves the same funds and goes first (priority, then
	 * age).
	 */
	WAITING(false),
	/** Passed the guardrails (possibly scaled down); execution owns it now. */
	ACCEPTED(false),
	/** Stopped by a guardrail or the kill switch; nothing moved. */
	BLOCKED(true),
	/** Executed (live) or recorded as if executed (paper). */
	COMPLETED(true),
	/** Execution failed; the reason says where. */
	FAILED(true),
	/** It waited past the rule's expiry or an approval's deadline. */
	EXPIRED(true);

	private final boolean terminal;

	IntentStatus(boolean terminal) {
		this.terminal = terminal;
	}

	/** Whether the intent is finished and no longer holds the funds it named. */
	public boolean terminal() {
		return this.terminal;
	}

}
