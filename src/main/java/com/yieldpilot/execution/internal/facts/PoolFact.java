package com.yieldpilot.execution.internal.facts;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A pool the intent touches, as the market reads it now: its risk score (0 safe to 1,
 * null when no score is known), whether its data is stale and why, and why its sources
 * forbid acting on it (null when they agree).
 */
public final class PoolFact {

	private final String id;

	private final @Nullable Double risk;

	private final @Nullable String staleReason;

	private final @Nullable String actionBlock;

	public PoolFact(String id, @Nullable Double risk, @Nullable String staleReason, @Nullable String actionBlock) {
		this.id = Objects.requireNonNull(id, "id");
		this.risk = risk;
		this.staleReason = staleReason;
		this.actionBlock = actionBlock;
	}

	public String getId() {
		return this.id;
	}

	public @Nullable Double getRisk() {
		return this.risk;
	}

	public boolean isStale() {
		return this.staleReason != null;
	}

	public @Nullable String getStaleReason() {
		return this.staleReason;
	}

	public @Nullable String getActionBlock() {
		return this.actionBlock;
	}

}
