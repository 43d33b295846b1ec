package com.yieldpilot.rules.lang;

import java.util.Objects;

/**
 * A metric read for a subject, e.g. {@code apy(aave-v3:base:USDC)}, {@code gas(base)},
 * {@code price(USDC)}. The metric is a name, looked up in the catalog at validation.
 */
public record MetricCall(String metric, Subject subject) implements Expression {

	public MetricCall {
		Lexicon.requireName(Objects.requireNonNull(metric, "metric"), "metric");
		Objects.requireNonNull(subject, "subject");
	}

}
