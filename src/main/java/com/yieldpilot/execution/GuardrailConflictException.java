package com.yieldpilot.execution;

/**
 * Another admin activated a version since this one read the status: nothing changed.
 */
public class GuardrailConflictException extends RuntimeException {

	public GuardrailConflictException(String message) {
		super(message);
	}

}
