package com.yieldpilot.execution.internal;

import java.util.Objects;

import org.kie.api.KieBase;

/** A guardrail version built into a KieBase, ready to review intents. */
record CompiledGuardrails(int version, KieBase base) {

	CompiledGuardrails {
		Objects.requireNonNull(base, "base");
	}

}
