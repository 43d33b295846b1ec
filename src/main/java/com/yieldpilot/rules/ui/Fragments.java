package com.yieldpilot.rules.ui;

import java.util.List;

import com.yieldpilot.rules.lang.Comparison;
import com.yieldpilot.rules.lang.ComparisonOperator;
import com.yieldpilot.rules.lang.Diagnostic;
import com.yieldpilot.rules.lang.Expression;
import com.yieldpilot.rules.lang.Literal;
import com.yieldpilot.rules.lang.LiteralUnit;
import com.yieldpilot.rules.lang.ParseResult;
import com.yieldpilot.rules.lang.RuleParser;
import com.yieldpilot.rules.lang.Schedule;

/**
 * Parts of a rule typed into one field of the visual builder, a formula or a schedule,
 * read by the rule parser itself: the part is placed into a minimal rule, so the builder
 * accepts exactly what the text accepts, and nothing is parsed twice in two ways.
 */
final class Fragments {

	private static final Literal ZERO = Literal.of("0", LiteralUnit.NUMBER);

	private Fragments() {
	}

	/**
	 * The value a formula such as {@code apy(aave-v3:base:USDC) + 1%} stands for.
	 * @throws IllegalArgumentException saying what to fix when it is not one value
	 */
	static Expression expression(String text) {
		String part = oneLine(text, "A formula");
		ParseResult result = RuleParser.parse("rule \"x\" when " + part + " == 0 then notify \"x\"");
		if (result instanceof ParseResult.Parsed parsed && parsed.rule().when() instanceof Comparison comparison
				&& comparison.operator() == ComparisonOperator.EQUAL && comparison.right().equals(ZERO)) {
			return comparison.left();
		}
		throw new IllegalArgumentException(
				"'" + part + "' is not a value such as apy(aave-v3:base:USDC) + 1%" + reason(result));
	}

	/**
	 * The schedule written as {@code every monday 09:00 UTC} or {@code every 6h}.
	 * @throws IllegalArgumentException saying what to fix when it is not one
	 */
	static Schedule schedule(String text) {
		String part = oneLine(text, "A schedule");
		ParseResult result = RuleParser.parse("rule \"x\" " + part + " then notify \"x\"");
		if (result instanceof ParseResult.Parsed parsed && parsed.rule().schedule() != null
				&& parsed.rule().when() == null) {
			return parsed.rule().schedule();
		}
		throw new IllegalArgumentException(
				"'" + part + "' is not a schedule such as every 6h or every monday 09:00 UTC" + reason(result));
	}

	private static String oneLine(String text, String what) {
		String part = text.strip();
		if (part.isEmpty()) {
			throw new IllegalArgumentException(what + " needs some text");
		}
		// a comment or a line break would swallow or split the surrounding rule
		if (part.contains("#") || part.lines().count() > 1) {
			throw new IllegalArgumentException(what + " is one line without comments");
		}
		return part;
	}

	private static String reason(ParseResult result) {
		if (result instanceof ParseResult.Rejected rejected) {
			List<Diagnostic> errors = rejected.errors();
			return ": " + errors.getFirst().message();
		}
		return "";
	}

}
