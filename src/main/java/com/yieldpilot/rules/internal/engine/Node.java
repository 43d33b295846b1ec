package com.yieldpilot.rules.internal.engine;

/**
 * One node of a rule's condition network, as a fact. {@code state} is the node's current
 * truth; {@code reported} is what its parent has counted so far, so a difference between
 * the two is a change still to propagate. A node at the top has parent {@code 0}.
 *
 * <p>
 * Gates settle bottom-up (by depth), so a gate settles only after all its changed
 * children were counted and no transient truth escapes a tick.
 */
public abstract sealed class Node permits Leaf, Gate {

	static final long TOP = 0;

	private final long id;

	private final long parent;

	private final long rule;

	private final int depth;

	private Truth state = Truth.UNKNOWN;

	private Truth reported = Truth.UNKNOWN;

	Node(long id, long parent, long rule, int depth) {
		this.id = id;
		this.parent = parent;
		this.rule = rule;
		this.depth = depth;
	}

	public long getId() {
		return this.id;
	}

	public long getParent() {
		return this.parent;
	}

	public long getRule() {
		return this.rule;
	}

	public int getDepth() {
		return this.depth;
	}

	public Truth getState() {
		return this.state;
	}

	public Truth getReported() {
		return this.reported;
	}

	void setState(Truth state) {
		this.state = state;
	}

	/**
	 * What the rule last reported, restored from storage when the engine is rebuilt, so a
	 * rule that was already true does not fire again after a restart.
	 */
	void assumeReported(Truth truth) {
		this.reported = truth;
	}

	/** Marks the current state as reported (top nodes only). */
	void acknowledge() {
		this.reported = this.state;
	}

}
