package com.yieldpilot.rules.internal.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The generic rules' only way out: they report a rule whose truth changed, and read the
 * time. One instance per session, drained after each firing.
 */
public final class Changes {

	private final Clock clock;

	private final List<RuleChange> changes = new ArrayList<>();

	private final List<Gate> waiting = new ArrayList<>();

	Changes(Clock clock) {
		this.clock = clock;
	}

	public Instant now() {
		return this.clock.instant();
	}

	/**
	 * A rule's top node may have a new truth: reports it if it differs from the last one.
	 */
	public void report(Node top) {
		if (top.getState() != top.getReported()) {
			this.changes.add(new RuleChange(top.getRule(), top.getReported(), top.getState()));
			top.acknowledge();
		}
	}

	/**
	 * A gate settled: if it waits for a held part's duration, the engine wakes it then.
	 */
	public void settled(Gate gate) {
		if (gate.getDueAt() != null) {
			this.waiting.add(gate);
		}
	}

	List<Gate> drainWaiting() {
		List<Gate> drained = List.copyOf(this.waiting);
		this.waiting.clear();
		return drained;
	}

	List<RuleChange> drain() {
		List<RuleChange> drained = List.copyOf(this.changes);
		this.changes.clear();
		return drained;
	}

}
