package com.yieldpilot.platform;

/**
 * Thrown by an asynchronous event listener that did not finish its work and wants the
 * event again: the event publication registry keeps the publication incomplete, and it is
 * delivered again. Its cause was reported where it happened, so the asynchronous
 * listener's failure is logged as one warning line, not as an error with a stack trace.
 */
public class RedeliveredLater extends RuntimeException {

	public RedeliveredLater(String message, Throwable cause) {
		super(message, cause);
	}

}
