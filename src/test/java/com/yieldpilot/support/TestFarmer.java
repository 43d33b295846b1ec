package com.yieldpilot.support;

import java.util.Set;

import com.yieldpilot.identity.ApiTokenRequest;
import com.yieldpilot.identity.NewUser;
import com.yieldpilot.identity.Role;
import com.yieldpilot.identity.UserAccount;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.identity.internal.TokenIssuer;

/**
 * A farmer of a test's own, with an API token: tests that count or compare a farmer's
 * rules, intents or traces do not share the demo farmer (or the plan's rule count).
 */
public record TestFarmer(UserAccount account, String token) {

	public static TestFarmer create(UserAccounts accounts, TokenIssuer issuer, String name) {
		UserAccount account = accounts.bootstrap(
				new NewUser(name + "-" + System.nanoTime() % 1_000_000, "correct horse battery", Set.of(Role.FARMER)));
		return new TestFarmer(account, issuer.issue(account.id(), new ApiTokenRequest("tests", null)).secret());
	}

}
