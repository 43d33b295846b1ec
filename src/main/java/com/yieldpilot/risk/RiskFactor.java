package com.yieldpilot.risk;

import java.util.Objects;

/**
 * One line of a score's explanation: a feature, its value for the pool, and how much it
 * moved the score (in probability; positive raises the risk).
 *
 * @param feature the feature's key, e.g. {@code tvl_change_7d}
 * @param value its value
 * @param contribution its share of the score
 * @param text the line a farmer reads, e.g. "TVL fell 38% in 7 days: +0.21"
 */
public record RiskFactor(String feature, double value, double contribution, String text) {

	public RiskFactor {
		Objects.requireNonNull(feature, "feature");
		Objects.requireNonNull(text, "text");
	}

}
