package com.yieldpilot.rules.internal.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.yieldpilot.rules.internal.compile.ConditionCompiler;
import com.yieldpilot.rules.internal.engine.Condition;
import com.yieldpilot.rules.internal.engine.Operand;
import com.yieldpilot.rules.internal.engine.TermKey;
import com.yieldpilot.rules.internal.store.StoredRule;
import com.yieldpilot.rules.lang.And;
import com.yieldpilot.rules.lang.Or;
import com.yieldpilot.rules.lang.ParseResult;
import com.yieldpilot.rules.lang.RuleParser;
import com.yieldpilot.rules.lang.RulePrinter;
import com.yieldpilot.rules.lang.RuleSyntax;
import org.jspecify.annotations.Nullable;

/**
 * A stored rule made ready for evaluation: its tree, its compiled condition, and the
 * parts of the condition a trace reports one by one (the operands of the top
 * {@code and}/{@code or}, as written, with the terms each reads).
 */
record LiveRule(StoredRule stored, RuleSyntax syntax, @Nullable Condition condition, List<Part> parts) {

	/** One part of the condition as written and the terms it reads. */
	record Part(String text, List<TermKey> terms) {

	}

	/** Whether the rule is evaluated on market updates (not on a schedule). */
	boolean onMarketUpdates() {
		return this.syntax.schedule() == null && this.condition != null;
	}

	static LiveRule of(StoredRule stored) {
		if (!(RuleParser.parse(stored.body()) instanceof ParseResult.Parsed parsed)) {
			// stored text was validated when saved and prints canonically: this is a bug
			throw new IllegalStateException("Stored rule " + stored.id() + " v" + stored.version() + " does not parse");
		}
		RuleSyntax syntax = parsed.rule();
		com.yieldpilot.rules.lang.Condition when = syntax.when();
		if (when == null) {
			return new LiveRule(stored, syntax, null, List.of());
		}
		List<com.yieldpilot.rules.lang.Condition> operands = switch (when) {
			case And and -> and.operands();
			case Or or -> or.operands();
			default -> List.of(when);
		};
		List<Part> parts = new ArrayList<>();
		for (com.yieldpilot.rules.lang.Condition operand : operands) {
			Set<TermKey> terms = new LinkedHashSet<>();
			collect(ConditionCompiler.compile(operand), terms);
			parts.add(new Part(RulePrinter.inline(operand), List.copyOf(terms)));
		}
		return new LiveRule(stored, syntax, ConditionCompiler.compile(when), parts);
	}

	private static void collect(Condition condition, Set<TermKey> terms) {
		switch (condition) {
			case Condition.Comparison comparison -> {
				collect(comparison.left(), terms);
				collect(comparison.right(), terms);
			}
			case Condition.AllOf all -> all.parts().forEach(p -> collect(p, terms));
			case Condition.AnyOf any -> any.parts().forEach(p -> collect(p, terms));
			case Condition.Not not -> collect(not.part(), terms);
			case Condition.HeldFor held -> collect(held.part(), terms);
		}
	}

	private static void collect(Operand operand, Set<TermKey> terms) {
		switch (operand) {
			case Operand.Term term -> terms.add(term.key());
			case Operand.Arithmetic arithmetic -> {
				collect(arithmetic.left(), terms);
				collect(arithmetic.right(), terms);
			}
			case Operand.Constant constant -> {
			}
		}
	}

}
