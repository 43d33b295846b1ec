package com.yieldpilot.rules;

import java.util.Objects;

/**
 * A rule's text could not be saved: the check says where and why, in the words the
 * validation endpoint uses. Nothing was stored.
 */
public class RuleRejectedException extends RuntimeException {

	private final transient RuleCheck check;

	public RuleRejectedException(RuleCheck check) {
		super(Objects.requireNonNull(check, "check").errors().isEmpty() ? "The rule was rejected"
				: check.errors().getFirst().message());
		if (check.valid()) {
			throw new IllegalArgumentException("A valid check rejects nothing");
		}
		this.check = check;
	}

	public RuleCheck check() {
		return this.check;
	}

}
