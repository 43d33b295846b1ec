package com.yieldpilot.rules.internal.engine;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Combines its children's truth: all of them, any of them, the negation of one, or one
 * held for a duration. It counts its children's true and false states and settles its own
 * state from the counts once all of them were counted.
 */
public final class Gate extends Node {

	/** How a gate combines its children. */
	public enum Kind {

		ALL, ANY, NOT, HELD

	}

	/**
	 * Rules nest no deeper than this (the compiler enforces it; saliences rely on it).
	 */
	public static final int MAX_DEPTH = 64;

	private final Kind kind;

	private final int size;

	private final @Nullable Duration hold;

	private int trueCount;

	private int falseCount;

	private boolean dirty;

	private @Nullable Instant since;

	Gate(long id, long parent, long rule, int depth, Kind kind, int size, @Nullable Duration hold,
			@Nullable Instant since) {
		super(id, parent, rule, depth);
		if (depth >= MAX_DEPTH) {
			throw new IllegalArgumentException("Conditions nest at most " + MAX_DEPTH + " deep");
		}
		if ((kind == Kind.NOT || kind == Kind.HELD) && size != 1) {
			throw new IllegalArgumentException(kind + " takes exactly one part");
		}
		if ((kind == Kind.HELD) != (hold != null)) {
			throw new IllegalArgumentException("Only a held gate has a duration");
		}
		this.kind = kind;
		this.size = size;
		this.hold = hold;
		this.since = since;
	}

	public Kind getKind() {
		return this.kind;
	}

	public boolean isDirty() {
		return this.dirty;
	}

	/**
	 * Salience of settling: after every child (one level deeper) passed its change on.
	 */
	public int getSettleSalience() {
		return 2 * getDepth() + 1;
	}

	/** Since when the held part has been true, if it is. */
	public @Nullable Instant getSince() {
		return this.since;
	}

	/**
	 * When a held part becomes long enough true, if it is true and not yet long enough.
	 */
	public @Nullable Instant getDueAt() {
		Instant start = this.since;
		return (this.kind == Kind.HELD && start != null && this.hold != null && getState() != Truth.TRUE)
				? start.plus(this.hold) : null;
	}

	/** A child moved from one truth to another. */
	public void recount(Truth before, Truth after) {
		count(before, -1);
		count(after, +1);
		this.dirty = true;
	}

	/** Time passed: a held gate re-checks its duration on the next settle. */
	void touch() {
		this.dirty = true;
	}

	private void count(Truth truth, int delta) {
		switch (truth) {
			case TRUE -> this.trueCount += delta;
			case FALSE -> this.falseCount += delta;
			case UNKNOWN -> {
			}
		}
	}

	/** Derives the gate's state from its counts at the given time. */
	public void settle(Instant now) {
		this.dirty = false;
		setState(switch (this.kind) {
			case ALL ->
				(this.falseCount > 0) ? Truth.FALSE : (this.trueCount == this.size) ? Truth.TRUE : Truth.UNKNOWN;
			case ANY ->
				(this.trueCount > 0) ? Truth.TRUE : (this.falseCount == this.size) ? Truth.FALSE : Truth.UNKNOWN;
			case NOT -> child().negate();
			case HELD -> held(now);
		});
	}

	private Truth held(Instant now) {
		Truth child = child();
		if (child != Truth.TRUE) {
			// an unknown stretch breaks the hold: nobody can say it held through it
			this.since = null;
			return child;
		}
		Instant start = this.since;
		if (start == null || start.isAfter(now)) {
			start = now;
			this.since = now;
		}
		return (this.hold != null && !start.plus(this.hold).isAfter(now)) ? Truth.TRUE : Truth.FALSE;
	}

	private Truth child() {
		return (this.trueCount > 0) ? Truth.TRUE : (this.falseCount > 0) ? Truth.FALSE : Truth.UNKNOWN;
	}

}
