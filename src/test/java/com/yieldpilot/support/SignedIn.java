package com.yieldpilot.support;

import java.util.function.Supplier;

import com.yieldpilot.identity.UserAccount;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.identity.internal.AccountPrincipal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Calls services as a signed-in user, on the current thread, through the same security
 * context strategy the application's {@code CurrentUser} reads.
 */
public final class SignedIn {

	private final UserAccounts accounts;

	private final SecurityContextHolderStrategy contexts;

	public SignedIn(UserAccounts accounts, ObjectProvider<SecurityContextHolderStrategy> strategy) {
		this.accounts = accounts;
		this.contexts = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
	}

	/** Runs the call as the user, then signs out again. */
	public <T> T as(String username, Supplier<T> call) {
		UserAccount account = this.accounts.findByUsername(username).orElseThrow();
		AccountPrincipal principal = new AccountPrincipal(account, null, true);
		var context = this.contexts.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		this.contexts.setContext(context);
		try {
			return call.get();
		}
		finally {
			this.contexts.clearContext();
		}
	}

	public void run(String username, Runnable call) {
		as(username, () -> {
			call.run();
			return null;
		});
	}

}
