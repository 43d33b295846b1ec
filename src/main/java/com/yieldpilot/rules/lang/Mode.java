package com.yieldpilot.rules.lang;

/** Whether a rule's actions are executed or only recorded as if they had been. */
public enum Mode {

	/** Actions are simulated and recorded, nothing moves: the default. */
	PAPER,
	/** Actions are executed from the farmer's vault. */
	LIVE

}
