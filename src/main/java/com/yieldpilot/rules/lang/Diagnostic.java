package com.yieldpilot.rules.lang;

import java.util.Objects;

/**
 * An error or warning about a rule, at a position in its text, in words a farmer can act
 * on.
 */
public record Diagnostic(Severity severity, Position position, String message) {

	/** Errors keep a rule from being saved; warnings point at likely mistakes. */
	public enum Severity {

		ERROR, WARNING

	}

	public Diagnostic {
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(position, "position");
		Objects.requireNonNull(message, "message");
	}

	public static Diagnostic error(Position position, String message) {
		return new Diagnostic(Severity.ERROR, position, message);
	}

	public static Diagnostic warning(Position position, String message) {
		return new Diagnostic(Severity.WARNING, position, message);
	}

	public boolean isError() {
		return this.severity == Severity.ERROR;
	}

	/** {@code line 3, column 24: expected …}. */
	@Override
	public String toString() {
		return this.position + ": " + this.message;
	}

}
