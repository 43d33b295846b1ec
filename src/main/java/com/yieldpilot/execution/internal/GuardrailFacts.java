package com.yieldpilot.execution.internal;

import java.util.List;
import java.util.Objects;

import com.yieldpilot.execution.internal.facts.ActionFact;
import com.yieldpilot.execution.internal.facts.GuardrailSettings;
import com.yieldpilot.execution.internal.facts.IntentFact;
import com.yieldpilot.execution.internal.facts.PoolFact;
import com.yieldpilot.execution.internal.facts.PortfolioFact;

/** Everything one review inserts into the guardrails' session. */
record GuardrailFacts(IntentFact intent, List<ActionFact> actions, List<PoolFact> pools, PortfolioFact portfolio,
		GuardrailSettings settings) {

	GuardrailFacts {
		Objects.requireNonNull(intent, "intent");
		Objects.requireNonNull(portfolio, "portfolio");
		Objects.requireNonNull(settings, "settings");
		actions = List.copyOf(actions);
		pools = List.copyOf(pools);
	}

	boolean movesFunds() {
		return this.actions.stream().anyMatch(ActionFact::isMovesFunds);
	}

}
