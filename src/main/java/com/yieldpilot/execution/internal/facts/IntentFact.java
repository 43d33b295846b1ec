package com.yieldpilot.execution.internal.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The intent under review, with the verdict the guardrails build on it. Blocking wins
 * over scaling; several scales keep the smallest factor. Every call gives a reason the
 * farmer reads.
 */
public final class IntentFact {

	private final String id;

	private final String owner;

	private final String ruleName;

	private final boolean live;

	private boolean blocked;

	private double scale = 1;

	private final List<String> reasons = new ArrayList<>();

	public IntentFact(String id, String owner, String ruleName, boolean live) {
		this.id = Objects.requireNonNull(id, "id");
		this.owner = Objects.requireNonNull(owner, "owner");
		this.ruleName = Objects.requireNonNull(ruleName, "ruleName");
		this.live = live;
	}

	/** Stops the intent: nothing of it runs. */
	public void block(String reason) {
		this.blocked = true;
		addReason(reason);
	}

	/**
	 * Scales the intent's fund-moving amounts down.
	 * @param factor more than 0 and less than 1
	 */
	public void scale(double factor, String reason) {
		if (!(factor > 0 && factor < 1)) {
			throw new IllegalArgumentException("A guardrail scales by more than 0 and less than 1, not " + factor);
		}
		this.scale = Math.min(this.scale, factor);
		addReason(reason);
	}

	private void addReason(String reason) {
		String line = Objects.requireNonNull(reason, "reason").strip().replaceAll("\\s+", " ");
		if (line.isEmpty()) {
			throw new IllegalArgumentException("A guardrail gives a reason");
		}
		if (!this.reasons.contains(line)) {
			this.reasons.add(line);
		}
	}

	public String getId() {
		return this.id;
	}

	public String getOwner() {
		return this.owner;
	}

	public String getRuleName() {
		return this.ruleName;
	}

	public boolean isLive() {
		return this.live;
	}

	public boolean isBlocked() {
		return this.blocked;
	}

	public double getScale() {
		return this.scale;
	}

	public List<String> getReasons() {
		return List.copyOf(this.reasons);
	}

}
