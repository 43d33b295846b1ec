package com.yieldpilot.rules;

/**
 * The DRL of a rule, for admins to review: the DRL statement of what the engine evaluates
 * for it. Only admins may read it, for any farmer's rule.
 */
public interface RulePreviews {

	/**
	 * The DRL of a saved rule's current version.
	 * @throws RuleNotFoundException when there is no such rule
	 */
	String drl(RuleId rule);

	/**
	 * The DRL of a text being edited, checked against the admin's own plan.
	 * @throws RuleRejectedException when the text is not a valid rule
	 */
	String drl(String text);

}
