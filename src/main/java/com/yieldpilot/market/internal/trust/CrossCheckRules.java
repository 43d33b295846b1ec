package com.yieldpilot.market.internal.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.yieldpilot.market.Disagreement;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.internal.store.Comparison;
import com.yieldpilot.shared.PoolId;

/**
 * How two values of one metric are compared: only when observed close in time, in
 * percentage points for APYs and relative to the larger value otherwise, and equal to the
 * tolerance still counts as agreeing.
 */
final class CrossCheckRules {

	/**
	 * Slack for binary fractions: 5.2 and 4.2 differ by 1.0000000000000004 in doubles,
	 * and a tolerance of 1 point must accept them.
	 */
	private static final double EPSILON = 1e-9;

	private CrossCheckRules() {
	}

	/**
	 * Compares a reference value with the chain's; empty when they were observed more
	 * than {@code maxSkew} apart, which says nothing about either. The verdict is dated
	 * from the later observation.
	 */
	static Optional<Comparison> compare(PoolId pool, MetricSample reference, MetricSample chain, double tolerance,
			Duration maxSkew, Instant checkedAt) {
		if (reference.metric() != chain.metric()) {
			throw new IllegalArgumentException("Compared " + reference.metric() + " with " + chain.metric());
		}
		Duration skew = Duration.between(reference.observedAt(), chain.observedAt()).abs();
		if (skew.compareTo(maxSkew) > 0) {
			return Optional.empty();
		}
		double difference = difference(reference, chain);
		boolean consistent = difference <= tolerance + EPSILON * Math.max(1, tolerance);
		Instant observed = reference.observedAt().isAfter(chain.observedAt()) ? reference.observedAt()
				: chain.observedAt();
		return Optional.of(new Comparison(pool, reference.metric(), reference.source(), consistent, observed, checkedAt,
				reference.value(), reference.observedAt(), chain.value(), chain.observedAt(), difference, tolerance));
	}

	static double difference(MetricSample a, MetricSample b) {
		double apart = Math.abs(a.value() - b.value());
		if (!Disagreement.comparedRelatively(a.metric())) {
			return apart;
		}
		double larger = Math.max(Math.abs(a.value()), Math.abs(b.value()));
		return (larger == 0) ? 0 : apart / larger;
	}

}
