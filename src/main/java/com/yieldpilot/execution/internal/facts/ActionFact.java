package com.yieldpilot.execution.internal.facts;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One action of the intent. {@code kind} is {@code MOVE}, {@code DEPOSIT},
 * {@code WITHDRAW} or {@code NOTIFY}; {@code source} is the pool funds leave (move,
 * withdraw), {@code target} the pool they enter (move, deposit); {@code usd} is the
 * amount in US dollars when it can be told (a dollar amount, tokens with a known price,
 * or a share of a known position), capped by the move's limit.
 */
public final class ActionFact {

	private final int index;

	private final String kind;

	private final @Nullable String source;

	private final @Nullable String target;

	private final @Nullable Double usd;

	public ActionFact(int index, String kind, @Nullable String source, @Nullable String target, @Nullable Double usd) {
		this.index = index;
		this.kind = Objects.requireNonNull(kind, "kind");
		this.source = source;
		this.target = target;
		this.usd = usd;
	}

	/** 1 for the first action. */
	public int getIndex() {
		return this.index;
	}

	public String getKind() {
		return this.kind;
	}

	public @Nullable String getSource() {
		return this.source;
	}

	public @Nullable String getTarget() {
		return this.target;
	}

	public @Nullable Double getUsd() {
		return this.usd;
	}

	/** Whether it puts funds into a pool: a move or a deposit. */
	public boolean isFundsIn() {
		return this.target != null;
	}

	/** Whether it moves funds at all (everything but a notification). */
	public boolean isMovesFunds() {
		return this.source != null || this.target != null;
	}

}
