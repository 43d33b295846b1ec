package com.yieldpilot.rules.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.antlr.v4.runtime.Token;

/**
 * The errors and node positions of one tree build, shared by the builder and its readers.
 */
final class TreeContext {

	private final List<Diagnostic> errors = new ArrayList<>();

	private final SourcePositions.Recorder positions = new SourcePositions.Recorder();

	List<Diagnostic> errors() {
		return this.errors;
	}

	SourcePositions positions() {
		return this.positions.done();
	}

	<T> T at(T node, Token token) {
		return this.positions.at(node, RuleParser.position(token));
	}

	void option(String keywords, Token token) {
		this.positions.option(keywords, RuleParser.position(token));
	}

	/** Creates a node; a record's refusal becomes an error at the token. */
	<T> T node(Token token, Supplier<T> create, T fallback) {
		try {
			return at(create.get(), token);
		}
		catch (IllegalArgumentException ex) {
			error(token, decapitalize(ex.getMessage()));
			return fallback;
		}
	}

	void error(Token token, String message) {
		error(RuleParser.position(token), message);
	}

	void error(Position position, String message) {
		this.errors.add(Diagnostic.error(position, message));
	}

	/**
	 * Record messages are sentences; diagnostics continue after "line 3, column 24: ".
	 */
	static String decapitalize(String message) {
		if (message.length() > 1 && Character.isUpperCase(message.charAt(0))
				&& !Character.isUpperCase(message.charAt(1))) {
			return Character.toLowerCase(message.charAt(0)) + message.substring(1);
		}
		return message;
	}

}
