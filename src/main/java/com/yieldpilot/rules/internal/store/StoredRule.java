package com.yieldpilot.rules.internal.store;

import java.time.Instant;
import java.util.Map;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.RuleStatus;
import com.yieldpilot.rules.internal.engine.Truth;

import org.jspecify.annotations.Nullable;

/**
 * A rule as the engine loads it: the current version's text and the state the engine
 * stored for that version.
 *
 * @param engineKey the engine's key for the rule
 * @param id the rule
 * @param owner the farmer
 * @param shard the owner's shard
 * @param version the current version
 * @param status enabled or disabled
 * @param body the current version's canonical text
 * @param scheduleCron the Quartz cron of a time-triggered rule
 * @param reported the truth last reported for this version
 * @param settled the last definite truth (true or false) reported for this version;
 * unknown before the first
 * @param held since when each held part has held, by position
 * @param firings how often this version became true
 * @param cooldownUntil no firing before this instant
 * @param changeSeq the change number of the row
 * @param evaluated whether this version has been evaluated since it was saved
 */
public record StoredRule(long engineKey, RuleId id, UserId owner, int shard, int version, RuleStatus status,
		String body, @Nullable String scheduleCron, Truth reported, Truth settled, Map<Integer, Instant> held,
		long firings, @Nullable Instant cooldownUntil, long changeSeq, boolean evaluated) {

	public StoredRule {
		held = Map.copyOf(held);
	}

	public boolean enabled() {
		return this.status == RuleStatus.ENABLED;
	}

}
