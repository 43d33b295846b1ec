package com.yieldpilot.market.internal.store;

import java.time.Instant;
import java.util.Objects;

import com.yieldpilot.market.Disagreement;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.Source;
import com.yieldpilot.shared.PoolId;

/**
 * The latest comparison of one metric of one pool between a reference source and the
 * chain, and since when its verdict holds.
 */
public record Comparison(PoolId pool, Metric metric, Source reference, boolean consistent, Instant since,
		Instant checkedAt, double referenceValue, Instant referenceAt, double chainValue, Instant chainAt,
		double difference, double tolerance) {

	public Comparison {
		Objects.requireNonNull(pool, "pool");
		Objects.requireNonNull(metric, "metric");
		Objects.requireNonNull(reference, "reference");
		Objects.requireNonNull(since, "since");
		Objects.requireNonNull(checkedAt, "checkedAt");
		Objects.requireNonNull(referenceAt, "referenceAt");
		Objects.requireNonNull(chainAt, "chainAt");
	}

	/** The same verdict dated from an earlier observation. */
	public Comparison since(Instant earlier) {
		return new Comparison(this.pool, this.metric, this.reference, this.consistent, earlier, this.checkedAt,
				this.referenceValue, this.referenceAt, this.chainValue, this.chainAt, this.difference, this.tolerance);
	}

	/** The disagreement, for a comparison that is not consistent. */
	public Disagreement disagreement() {
		if (this.consistent) {
			throw new IllegalStateException(this.pool + " " + this.metric + " agrees");
		}
		return new Disagreement(this.metric, this.reference, this.referenceValue, this.referenceAt, this.chainValue,
				this.chainAt, this.difference, this.tolerance, this.since);
	}

}
