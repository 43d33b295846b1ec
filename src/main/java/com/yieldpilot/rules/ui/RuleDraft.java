package com.yieldpilot.rules.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.yieldpilot.rules.lang.RuleOptions;
import com.yieldpilot.rules.lang.RulePrinter;
import com.yieldpilot.rules.lang.RuleSyntax;
import com.yieldpilot.rules.lang.Schedule;
import org.jspecify.annotations.Nullable;

/**
 * A rule as the visual builder edits it: a mutable mirror of {@link RuleSyntax}, so the
 * form changes one field at a time and the text and the builder stay one tree. Comments
 * written in the text are carried along untouched. {@code of(rule).toSyntax()} equals the
 * rule, so switching between text and builder loses nothing.
 */
final class RuleDraft {

	final List<String> comments;

	String name;

	@Nullable Schedule schedule;

	/** The conditions, always a group at the top so farmers can add next to them. */
	final ConditionDraft.Group when;

	final List<ActionDraft> actions;

	RuleOptions options;

	final List<String> trailingComments;

	private RuleDraft(RuleSyntax rule) {
		this.comments = rule.comments();
		this.name = rule.name();
		this.schedule = rule.schedule();
		this.when = (rule.when() != null) ? ConditionDraft.Group.around(ConditionDraft.of(rule.when()))
				: new ConditionDraft.Group(ConditionDraft.Group.Kind.ALL, List.of());
		this.actions = new ArrayList<>(rule.actions().stream().map(ActionDraft::of).toList());
		this.options = rule.options();
		this.trailingComments = rule.trailingComments();
	}

	static RuleDraft of(RuleSyntax rule) {
		return new RuleDraft(Objects.requireNonNull(rule, "rule"));
	}

	/**
	 * The rule as a syntax tree.
	 * @throws IllegalArgumentException saying what to fix
	 */
	RuleSyntax toSyntax() {
		return new RuleSyntax(this.comments, this.name, this.schedule,
				this.when.children.isEmpty() ? null : this.when.toCondition(),
				this.actions.stream().map(ActionDraft::toAction).toList(), this.options, this.trailingComments);
	}

	/** The rule's canonical text. */
	String text() {
		return RulePrinter.print(toSyntax());
	}

}
