package com.yieldpilot.rules;

import java.util.Objects;

/** An error or warning about a rule's text: where (from 1) and what, in plain words. */
public record RuleProblem(int line, int column, String message) {

	public RuleProblem {
		Objects.requireNonNull(message, "message");
	}

}
