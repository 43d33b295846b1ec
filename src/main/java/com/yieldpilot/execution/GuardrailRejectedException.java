package com.yieldpilot.execution;

import java.util.List;
import java.util.stream.Collectors;

/** A guardrail set that does not compile: nothing was saved or activated. */
public class GuardrailRejectedException extends RuntimeException {

	private final List<GuardrailProblem> problems;

	public GuardrailRejectedException(List<GuardrailProblem> problems) {
		super("The guardrails do not compile: "
				+ problems.stream().map(GuardrailProblem::toString).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<GuardrailProblem> problems() {
		return this.problems;
	}

}
