package com.yieldpilot.rules.internal.engine;

/**
 * Three-valued truth: a condition over a missing or stale value is {@code UNKNOWN}, and a
 * rule fires only on {@code TRUE}.
 */
public enum Truth {

	TRUE, FALSE, UNKNOWN;

	public static Truth of(boolean value) {
		return value ? TRUE : FALSE;
	}

	public Truth negate() {
		return switch (this) {
			case TRUE -> FALSE;
			case FALSE -> TRUE;
			case UNKNOWN -> UNKNOWN;
		};
	}

}
