package com.yieldpilot.rules.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.check.MetricSpec;
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

	/** Metrics of the farmer's own vault, read per farmer. */
	private static final Set<String> OWN_METRICS = Set.of(MetricSpec.BALANCE.name(), MetricSpec.POSITION.name());

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
			List<TermKey> terms = Condition.terms(owned(ConditionCompiler.compile(operand), stored.owner()));
			parts.add(new Part(RulePrinter.inline(operand), terms));
		}
		return new LiveRule(stored, syntax, owned(ConditionCompiler.compile(when), stored.owner()), parts);
	}

	/** The vault's own terms ({@code balance}, {@code position}) made the owner's. */
	private static Condition owned(Condition condition, UserId owner) {
		return switch (condition) {
			case Condition.Comparison c ->
				new Condition.Comparison(owned(c.left(), owner), c.relation(), owned(c.right(), owner));
			case Condition.AllOf all -> new Condition.AllOf(all.parts().stream().map(p -> owned(p, owner)).toList());
			case Condition.AnyOf any -> new Condition.AnyOf(any.parts().stream().map(p -> owned(p, owner)).toList());
			case Condition.Not not -> new Condition.Not(owned(not.part(), owner));
			case Condition.HeldFor held -> new Condition.HeldFor(owned(held.part(), owner), held.duration());
		};
	}

	private static Operand owned(Operand operand, UserId owner) {
		return switch (operand) {
			case Operand.Term term when OWN_METRICS.contains(term.key().metric()) ->
				new Operand.Term(new TermKey(MarketReadings.vaultSubject(owner, term.key().subject()),
						term.key().metric(), term.key().aggregate(), term.key().window()));
			case Operand.Arithmetic a ->
				new Operand.Arithmetic(owned(a.left(), owner), a.operator(), owned(a.right(), owner));
			default -> operand;
		};
	}

}
