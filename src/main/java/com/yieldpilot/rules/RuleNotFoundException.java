package com.yieldpilot.rules;

/**
 * No such rule for the signed-in farmer: another farmer's rule is reported the same way
 * as one that does not exist, so ids reveal nothing.
 */
public class RuleNotFoundException extends RuntimeException {

	public RuleNotFoundException(RuleId id) {
		super("No rule " + id);
	}

	public RuleNotFoundException(RuleId id, int version) {
		super("Rule " + id + " has no version " + version);
	}

}
