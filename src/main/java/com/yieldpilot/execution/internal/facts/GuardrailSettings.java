package com.yieldpilot.execution.internal.facts;

/**
 * The configured limits ({@code yieldpilot.execution.guardrails.*}) the shipped
 * guardrails read, so changing a limit needs no DRL edit.
 *
 * @param riskCeiling the highest risk score a pool funds enter may have, 0 to 1
 * @param maxMoveShare the largest share of the portfolio one action may put into a pool,
 * as a fraction
 */
public record GuardrailSettings(double riskCeiling, double maxMoveShare) {

	public double getRiskCeiling() {
		return this.riskCeiling;
	}

	public double getMaxMoveShare() {
		return this.maxMoveShare;
	}

}
