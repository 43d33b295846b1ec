package com.yieldpilot.rules.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.yieldpilot.rules.lang.Diagnostic;
import com.yieldpilot.rules.lang.Position;
import com.yieldpilot.rules.lang.RulePrinter;
import com.yieldpilot.rules.lang.SourcePositions;
import com.yieldpilot.rules.lang.Expression;

/** The findings of one validation, each at the position of the node it is about. */
final class Report {

	private static final int MAX_QUOTED = 50;

	private final SourcePositions positions;

	private final List<Diagnostic> diagnostics = new ArrayList<>();

	Report(SourcePositions positions) {
		this.positions = positions;
	}

	Position at(Object... nodes) {
		return this.positions.find(nodes);
	}

	SourcePositions positions() {
		return this.positions;
	}

	void error(Position position, String message) {
		this.diagnostics.add(Diagnostic.error(position, message));
	}

	void warning(Position position, String message) {
		this.diagnostics.add(Diagnostic.warning(position, message));
	}

	/** In text order, errors before warnings at the same place. */
	List<Diagnostic> diagnostics() {
		return this.diagnostics.stream()
			.sorted(Comparator.comparingInt((Diagnostic d) -> d.position().line())
				.thenComparingInt(d -> d.position().column())
				.thenComparing(Diagnostic::severity))
			.toList();
	}

	/** A value as written, quoted for a message. */
	static String quote(Expression expression) {
		String text = RulePrinter.print(expression);
		return "`" + ((text.length() > MAX_QUOTED) ? text.substring(0, MAX_QUOTED - 1) + "…" : text) + "`";
	}

	/**
	 * "; did you mean `x`?" for the best candidate, or a full stop when there is none.
	 */
	static String suggestion(List<String> candidates) {
		return candidates.isEmpty() ? "." : "; did you mean `" + candidates.get(0) + "`?";
	}

}
