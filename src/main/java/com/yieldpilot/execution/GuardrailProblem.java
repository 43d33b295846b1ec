package com.yieldpilot.execution;

import java.util.Objects;

/**
 * A compile error in a guardrail file, where Drools found it.
 *
 * @param file the file's name, e.g. {@code risk-ceiling.drl}
 * @param line 1-based, or 0 when Drools gave no position
 * @param column 1-based, or 0 when Drools gave no position
 * @param message Drools' message
 */
public record GuardrailProblem(String file, int line, int column, String message) {

	public GuardrailProblem {
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(message, "message");
	}

	@Override
	public String toString() {
		return this.file + ((this.line > 0) ? ":" + this.line + ":" + this.column : "") + ": " + this.message;
	}

}
