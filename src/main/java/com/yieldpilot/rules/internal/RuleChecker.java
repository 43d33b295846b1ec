package com.yieldpilot.rules.internal;

import java.time.Clock;
import java.util.List;

import com.yieldpilot.rules.PlanLimits;
import com.yieldpilot.rules.RuleCheck;
import com.yieldpilot.rules.RuleProblem;
import com.yieldpilot.rules.check.RuleValidator;
import com.yieldpilot.rules.check.RuleVocabulary;
import com.yieldpilot.rules.lang.Diagnostic;
import com.yieldpilot.rules.lang.ParseResult;
import com.yieldpilot.rules.lang.RuleParser;
import com.yieldpilot.rules.lang.RulePrinter;
import com.yieldpilot.rules.lang.RuleSyntax;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Parses and validates a rule's text against the catalog and a plan: the one path from
 * text to a tree that may be stored or evaluated.
 */
@Component
public class RuleChecker {

	private final RuleValidator validator;

	RuleChecker(RuleVocabulary vocabulary, Clock clock) {
		this.validator = new RuleValidator(vocabulary, clock);
	}

	/** The verdict, and the tree when the text is valid. */
	public Checked check(String text, PlanLimits limits) {
		return switch (RuleParser.parse(text)) {
			case ParseResult.Rejected rejected ->
				new Checked(new RuleCheck(false, null, null, problems(rejected.errors()), List.of()), null);
			case ParseResult.Parsed parsed -> {
				List<Diagnostic> diagnostics = this.validator.validate(parsed.rule(), parsed.positions(), limits);
				List<RuleProblem> errors = problems(diagnostics.stream().filter(Diagnostic::isError).toList());
				List<RuleProblem> warnings = problems(diagnostics.stream().filter(d -> !d.isError()).toList());
				yield errors.isEmpty()
						? new Checked(new RuleCheck(true, parsed.rule().name(), RulePrinter.print(parsed.rule()),
								errors, warnings), parsed.rule())
						: new Checked(new RuleCheck(false, null, null, errors, warnings), null);
			}
		};
	}

	private static List<RuleProblem> problems(List<Diagnostic> diagnostics) {
		return diagnostics.stream()
			.map(d -> new RuleProblem(d.position().line(), d.position().column(), d.message()))
			.toList();
	}

	/** A verdict, with the tree of a valid rule. */
	public record Checked(RuleCheck check, @Nullable RuleSyntax rule) {

	}

}
