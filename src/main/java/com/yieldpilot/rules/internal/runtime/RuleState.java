package com.yieldpilot.rules.internal.runtime;

import java.time.Instant;
import java.util.Map;

import com.yieldpilot.rules.internal.engine.Truth;
import com.yieldpilot.rules.internal.store.StoredRule;
import org.jspecify.annotations.Nullable;

/** What the engine stores per rule, kept in step with the database. */
final class RuleState {

	Truth reported;

	/** The last definite truth it reported: unknown until the first. */
	Truth settled;

	Map<Integer, Instant> held;

	long firings;

	@Nullable Instant cooldownUntil;

	/**
	 * Why its last firing on the market was blocked, while it waits for that to clear; on
	 * this node only, so a restart traces a block that persists once more. For a
	 * scheduled run, why it waits to be tried again ({@link BlockedRuns}).
	 */
	@Nullable String blocked;

	RuleState(StoredRule stored) {
		this.reported = stored.reported();
		this.settled = stored.settled();
		this.held = stored.held();
		this.firings = stored.firings();
		this.cooldownUntil = stored.cooldownUntil();
	}

}
