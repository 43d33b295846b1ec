package com.yieldpilot.risk.internal;

/**
 * A stored model version that this build cannot read back: its artifact is damaged, or it
 * was fitted on features or floor terms that this build no longer computes (decision
 * record 0011). The registry then treats it as absent, so the heuristic serves and the
 * next retraining replaces it, rather than every score and retraining failing.
 */
class UnreadableModelException extends IllegalStateException {

	UnreadableModelException(String message, Throwable cause) {
		super(message, cause);
	}

}
