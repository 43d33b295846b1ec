package com.yieldpilot.rules;

import com.yieldpilot.identity.CurrentUser;
import com.yieldpilot.rules.internal.RuleChecker;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Checks a rule's text for the signed-in farmer: it must parse, every name must be in the
 * metric catalog, units must agree, and the farmer's plan must allow it. Nothing is
 * stored.
 */
@Service
public class RuleValidation {

	private final RuleChecker checker;

	private final Entitlements entitlements;

	private final CurrentUser currentUser;

	RuleValidation(RuleChecker checker, Entitlements entitlements, CurrentUser currentUser) {
		this.checker = checker;
		this.entitlements = entitlements;
		this.currentUser = currentUser;
	}

	@PreAuthorize("isAuthenticated()")
	public RuleCheck validate(String text) {
		return this.checker.check(text, this.entitlements.limits(this.currentUser.id())).check();
	}

}
