package com.yieldpilot.market;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.yieldpilot.shared.PoolId;

/**
 * A pool whose sources disagree: the reference source and the chain report values too far
 * apart for at least one metric. Nothing may act on the pool until they agree again.
 *
 * @param pool the pool
 * @param since when the oldest of its current disagreements was first observed
 * @param disagreements every metric that disagrees, never empty
 */
public record PoolInconsistency(PoolId pool, Instant since, List<Disagreement> disagreements) {

	public PoolInconsistency {
		Objects.requireNonNull(pool, "pool");
		Objects.requireNonNull(since, "since");
		disagreements = List.copyOf(disagreements);
		if (disagreements.isEmpty()) {
			throw new IllegalArgumentException("An inconsistency has at least one disagreement");
		}
	}

	/** Builds it from the disagreements, dating it from the oldest. */
	public static PoolInconsistency of(PoolId pool, List<Disagreement> disagreements) {
		Instant since = disagreements.stream()
			.map(Disagreement::since)
			.min(Instant::compareTo)
			.orElseThrow(() -> new IllegalArgumentException("An inconsistency has at least one disagreement"));
		return new PoolInconsistency(pool, since, disagreements);
	}

	/** Why actions on the pool are blocked, in words. */
	public String reason() {
		return "Sources disagree on " + this.pool + " since " + this.since + ": "
				+ this.disagreements.stream().map(Disagreement::describe).collect(Collectors.joining("; "));
	}

}
