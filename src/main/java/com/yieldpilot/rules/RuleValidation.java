package com.yieldpilot.rules;

import java.time.Clock;
import java.util.List;

import com.yieldpilot.identity.CurrentUser;
import com.yieldpilot.rules.check.RuleValidator;
import com.yieldpilot.rules.check.RuleVocabulary;
import com.yieldpilot.rules.lang.Diagnostic;
import com.yieldpilot.rules.lang.ParseResult;
import com.yieldpilot.rules.lang.RuleParser;
import com.yieldpilot.rules.lang.RulePrinter;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Checks a rule's text for the signed-in farmer: it must parse, every name must be in the
 * metric catalog, units must agree, and the farmer's plan must allow it. Nothing is
 * stored.
 */
@Service
public class RuleValidation {

	private final RuleValidator validator;

	private final Entitlements entitlements;

	private final CurrentUser currentUser;

	RuleValidation(RuleVocabulary vocabulary, Entitlements entitlements, CurrentUser currentUser, Clock clock) {
		this.validator = new RuleValidator(vocabulary, clock);
		this.entitlements = entitlements;
		this.currentUser = currentUser;
	}

	@PreAuthorize("isAuthenticated()")
	public RuleCheck validate(String text) {
		return switch (RuleParser.parse(text)) {
			case ParseResult.Rejected rejected ->
				new RuleCheck(false, null, null, problems(rejected.errors()), List.of());
			case ParseResult.Parsed parsed -> {
				List<Diagnostic> diagnostics = this.validator.validate(parsed.rule(), parsed.positions(),
						this.entitlements.limits(this.currentUser.id()));
				List<RuleProblem> errors = problems(diagnostics.stream().filter(Diagnostic::isError).toList());
				List<RuleProblem> warnings = problems(diagnostics.stream().filter(d -> !d.isError()).toList());
				yield errors.isEmpty()
						? new RuleCheck(true, parsed.rule().name(), RulePrinter.print(parsed.rule()), errors, warnings)
						: new RuleCheck(false, null, null, errors, warnings);
			}
		};
	}

	private static List<RuleProblem> problems(List<Diagnostic> diagnostics) {
		return diagnostics.stream()
			.map(d -> new RuleProblem(d.position().line(), d.position().column(), d.message()))
			.toList();
	}

}
