package com.yieldpilot.rules.lang;

import java.util.List;
import java.util.Objects;

/**
 * What {@link RuleParser} makes of a text: a tree, or the errors that kept it from one.
 */
public sealed interface ParseResult {

	/** The text is a rule. */
	record Parsed(RuleSyntax rule, SourcePositions positions) implements ParseResult {

		public Parsed {
			Objects.requireNonNull(rule, "rule");
			Objects.requireNonNull(positions, "positions");
		}

	}

	/** The text is not a rule; at least one error says why. */
	record Rejected(List<Diagnostic> errors) implements ParseResult {

		public Rejected {
			errors = List.copyOf(errors);
			if (errors.isEmpty()) {
				throw new IllegalArgumentException("A rejection needs an error");
			}
		}

	}

}
