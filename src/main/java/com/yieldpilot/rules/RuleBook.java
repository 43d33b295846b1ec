package com.yieldpilot.rules;

import java.util.List;

/**
 * The signed-in farmer's rules: saving (every save is a new version), reading, versions
 * and rollback, enabling and disabling. Every method acts only on the current user's
 * rules; another farmer's rule is {@link RuleNotFoundException not found}. A save that
 * changes what is evaluated reaches the live engine at once.
 */
public interface RuleBook {

	/**
	 * Checks the text like {@link RuleValidation} (and the plan's rule count) and stores
	 * it as version 1 of a new, enabled rule.
	 * @throws RuleRejectedException with positioned errors when the text or plan forbids
	 * it
	 */
	RuleVersion create(String text);

	/**
	 * Stores the text as the rule's next version.
	 * @throws RuleRejectedException with positioned errors when the text or plan forbids
	 * it
	 * @throws RuleNotFoundException when the farmer has no such rule
	 */
	RuleVersion update(RuleId id, String text);

	/** The farmer's rules, newest first. */
	List<RuleSummary> list();

	/**
	 * @throws RuleNotFoundException when the farmer has no such rule
	 */
	RuleSummary summary(RuleId id);

	/**
	 * The current version. @throws RuleNotFoundException when the farmer has no such rule
	 */
	RuleVersion current(RuleId id);

	/**
	 * Every version, newest first. @throws RuleNotFoundException when there is no such
	 * rule
	 */
	List<RuleVersion> versions(RuleId id);

	/**
	 * One version. @throws RuleNotFoundException when there is no such rule or version
	 */
	RuleVersion version(RuleId id, int version);

	/**
	 * Saves an earlier version's text as the next version (history is never rewritten).
	 * The old text is checked again, since the catalog or plan may have changed.
	 * @throws RuleRejectedException when the old text is no longer valid
	 */
	RuleVersion rollback(RuleId id, int version);

	/** Stops evaluating the rule; its versions and traces stay. Idempotent. */
	RuleSummary disable(RuleId id);

	/** Evaluates the rule again from now. Idempotent. */
	RuleSummary enable(RuleId id);

}
