package com.yieldpilot.rules.internal.compile;

/**
 * The only API a previewed rule calls: whether a "for" part has held long enough (from
 * the stored condition state), and proposing the rule's intent. Neither takes text a
 * farmer wrote.
 */
public interface PreviewIntents {

	/**
	 * Whether the held part at position {@code part} has been true without interruption
	 * for the duration, by the rule's stored condition state.
	 */
	boolean heldFor(String rule, int part, String duration);

	/** Proposes the intent of the rule version that fired. */
	void propose(String rule, int version);

}
