package com.yieldpilot.rules;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The verdict on a rule's text. A valid rule has its name and canonical text and may have
 * warnings; an invalid one has at least one error.
 *
 * @param valid whether the rule may be saved
 * @param name the rule's name, when valid
 * @param canonical the rule in its canonical layout, when valid
 * @param errors what keeps it from being saved, in text order
 * @param warnings likely mistakes that do not keep it from being saved
 */
public record RuleCheck(boolean valid, @Nullable String name, @Nullable String canonical, List<RuleProblem> errors,
		List<RuleProblem> warnings) {

	public RuleCheck {
		errors = List.copyOf(errors);
		warnings = List.copyOf(warnings);
		if (valid != errors.isEmpty() || valid != (name != null && canonical != null)) {
			throw new IllegalArgumentException(
					"A valid check has a name, a canonical text and no error; " + "an invalid one has an error");
		}
	}

}
