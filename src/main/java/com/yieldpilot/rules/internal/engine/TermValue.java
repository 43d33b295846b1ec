package com.yieldpilot.rules.internal.engine;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A term's current value inside a session, updated in place on each market update.
 * Unknown when there is no value yet or the value is stale: conditions over it are then
 * unknown and never make a rule fire.
 */
public final class TermValue {

	private final int key;

	private final TermKey term;

	private double value = Double.NaN;

	private boolean known;

	private @Nullable Instant observedAt;

	TermValue(int key, TermKey term) {
		this.key = key;
		this.term = term;
	}

	public int getKey() {
		return this.key;
	}

	public TermKey getTerm() {
		return this.term;
	}

	public double getValue() {
		return this.value;
	}

	public boolean isKnown() {
		return this.known;
	}

	public @Nullable Instant getObservedAt() {
		return this.observedAt;
	}

	/** Whether the reading changed anything a condition could see. */
	boolean set(Reading reading) {
		boolean changed = this.known != reading.known()
				|| Double.doubleToLongBits(this.value) != Double.doubleToLongBits(reading.value());
		this.value = reading.value();
		this.known = reading.known();
		this.observedAt = reading.observedAt();
		return changed;
	}

}
