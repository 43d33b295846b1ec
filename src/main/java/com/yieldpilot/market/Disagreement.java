package com.yieldpilot.market;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Objects;

/**
 * A metric on which a reference source (DefiLlama; the simulator in local mode) and the
 * chain disagree by more than the tolerance, for values observed close in time. Percent
 * metrics (APYs) are compared in percentage points; the others relative to the larger of
 * the two values.
 *
 * @param metric the metric
 * @param reference the source checked against the chain
 * @param referenceValue its value
 * @param referenceAt when it was observed
 * @param chainValue the chain's value
 * @param chainAt when the chain was read
 * @param difference how far apart: percentage points, or a fraction of the larger value
 * @param tolerance how far apart they may be, in the same terms
 * @param since when the disagreement was first observed
 */
public record Disagreement(Metric metric, Source reference, double referenceValue, Instant referenceAt,
		double chainValue, Instant chainAt, double difference, double tolerance, Instant since) {

	public Disagreement {
		Objects.requireNonNull(metric, "metric");
		Objects.requireNonNull(reference, "reference");
		Objects.requireNonNull(referenceAt, "referenceAt");
		Objects.requireNonNull(chainAt, "chainAt");
		Objects.requireNonNull(since, "since");
	}

	/**
	 * Whether a metric's values are compared relative to the larger one (TVL, prices) or
	 * in its own unit (APYs, in percentage points).
	 */
	public static boolean comparedRelatively(Metric metric) {
		return metric.unit() != MetricUnit.PERCENT;
	}

	/**
	 * The disagreement in words, e.g. {@code apy: DEFILLAMA 5.2 % vs CHAIN 3.1 %, 2.1
	 * points apart (tolerance 1)}.
	 */
	public String describe() {
		boolean relative = comparedRelatively(this.metric);
		String apart = relative ? percent(this.difference) + " apart (tolerance " + percent(this.tolerance) + ")"
				: number(this.difference) + " points apart (tolerance " + number(this.tolerance) + ")";
		return this.metric.ruleName() + ": " + this.reference.name() + " " + value(this.referenceValue) + " vs CHAIN "
				+ value(this.chainValue) + ", " + apart;
	}

	private String value(double value) {
		return switch (this.metric.unit()) {
			case PERCENT -> number(value) + " %";
			case USD -> "$" + number(value);
			case RATIO -> number(value);
			case GWEI -> number(value) + " gwei";
		};
	}

	private static String percent(double fraction) {
		return number(fraction * 100) + " %";
	}

	/** Six significant digits, no trailing zeros, never in scientific notation. */
	private static String number(double value) {
		return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
	}

}
