package com.yieldpilot.risk.internal.model;

import java.util.Locale;

/**
 * What one feature added to a score.
 *
 * @param feature the feature
 * @param value its value for the scored pool-day
 * @param contribution its share of the score, in probability (positive raises the risk)
 */
public record Contribution(Feature feature, double value, double contribution) {

	/** The explanation's sentence, e.g. "TVL fell 38% in 7 days: +0.21". */
	public String text() {
		return this.feature.describe(this.value) + ": " + String.format(Locale.ROOT, "%+.2f", this.contribution);
	}

}
