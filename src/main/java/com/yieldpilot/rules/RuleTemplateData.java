package com.yieldpilot.rules;

import java.util.Objects;

import com.yieldpilot.rules.lang.ParseResult;
import com.yieldpilot.rules.lang.RuleParser;
import com.yieldpilot.rules.lang.RuleText;

/**
 * What an admin writes for a template: a name, a sentence on when to use it, and the rule
 * text farmers start from. The text must read as a rule; it is not checked against the
 * catalog, since each farmer adapts it to their own pools and plan.
 *
 * @param name shown in the template picker
 * @param description when the template helps
 * @param text the rule, comments included
 */
public record RuleTemplateData(String name, String description, String text) {

	public static final int MAX_NAME_LENGTH = RuleText.MAX_NAME_LENGTH;

	public static final int MAX_DESCRIPTION_LENGTH = 500;

	public RuleTemplateData {
		name = Objects.requireNonNull(name, "name").strip();
		description = Objects.requireNonNull(description, "description").strip();
		Objects.requireNonNull(text, "text");
		if (name.isEmpty()) {
			throw new IllegalArgumentException("A template needs a name");
		}
		RuleText.problem(name, MAX_NAME_LENGTH, "The name").ifPresent(p -> {
			throw new IllegalArgumentException(p);
		});
		RuleText.problem(description, MAX_DESCRIPTION_LENGTH, "The description").ifPresent(p -> {
			throw new IllegalArgumentException(p);
		});
		if (RuleParser.parse(text) instanceof ParseResult.Rejected rejected) {
			throw new IllegalArgumentException("The rule text is not a rule yet: " + rejected.errors().getFirst());
		}
	}

}
