package com.yieldpilot.execution;

/**
 * An approval the guardrails refuse now (a pool's risk, data or sources changed since the
 * intent was reviewed): the execution still waits in the inbox, and the message says what
 * to wait for.
 */
public class ApprovalRefusedException extends IllegalStateException {

	public ApprovalRefusedException(String message) {
		super(message);
	}

}
