package com.yieldpilot.execution;

import java.util.Objects;

import com.yieldpilot.rules.ActionIntent;

/**
 * What a guardrail set would decide about a recent intent with today's market and
 * portfolio: a dry run stores and settles nothing.
 */
public record GuardrailDryRun(ActionIntent intent, GuardrailVerdict verdict) {

	public GuardrailDryRun {
		Objects.requireNonNull(intent, "intent");
		Objects.requireNonNull(verdict, "verdict");
	}

}
