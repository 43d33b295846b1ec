package com.yieldpilot.rules.internal.engine;

/** A rule's condition moved from one truth to another; it fires on the move to true. */
public record RuleChange(long rule, Truth before, Truth after) {

	public boolean becameTrue() {
		return this.after == Truth.TRUE && this.before != Truth.TRUE;
	}

}
