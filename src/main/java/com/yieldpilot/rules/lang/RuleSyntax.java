package com.yieldpilot.rules.lang;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A rule as a syntax tree: what the parser makes of the farmer's text, what the visual
 * builder edits, what the compiler turns into DRL, and what is stored. Trees compare by
 * content only: source positions live beside the tree ({@link SourcePositions}), so a
 * parsed tree equals one built by hand. {@link RulePrinter} writes the canonical text.
 *
 * @param comments the comment lines before {@code rule}, without their {@code #}
 * @param name the rule's name, plain text
 * @param schedule when a time-triggered rule runs, or {@code null}
 * @param when the conditions, or {@code null} for a scheduled rule without any
 * @param actions what the rule does, in order, at least one
 * @param options the options written ({@link RuleOptions#NONE} for none)
 * @param trailingComments the comment lines after everything else
 */
public record RuleSyntax(List<String> comments, String name, @Nullable Schedule schedule, @Nullable Condition when,
		List<Action> actions, RuleOptions options, List<String> trailingComments) {

	/** The most actions a rule may have, whatever the plan. */
	public static final int MAX_ACTIONS = 20;

	public RuleSyntax {
		comments = RuleText.comments(comments);
		RuleText.require(Objects.requireNonNull(name, "name"), RuleText.MAX_NAME_LENGTH, "The rule's name");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A rule needs a name");
		}
		if (schedule == null && when == null) {
			throw new IllegalArgumentException("A rule needs conditions ('when'), a schedule ('every …'), or both");
		}
		actions = List.copyOf(actions);
		if (actions.isEmpty() || actions.size() > MAX_ACTIONS) {
			throw new IllegalArgumentException("A rule has 1 to " + MAX_ACTIONS + " actions, not " + actions.size());
		}
		Objects.requireNonNull(options, "options");
		trailingComments = RuleText.comments(trailingComments);
	}

	/** A rule without comments. */
	public RuleSyntax(String name, @Nullable Schedule schedule, @Nullable Condition when, List<Action> actions,
			RuleOptions options) {
		this(List.of(), name, schedule, when, actions, options, List.of());
	}

}
