package com.yieldpilot.rules;

import java.util.Objects;

/**
 * A rule fired and its intent is ready for the guardrails: published in the transaction
 * that stored the intent, and again when a waiting intent's turn comes.
 */
public record IntentProposed(ActionIntent intent) {

	public IntentProposed {
		Objects.requireNonNull(intent, "intent");
	}

}
