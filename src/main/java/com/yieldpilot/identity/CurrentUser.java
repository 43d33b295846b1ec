package com.yieldpilot.identity;

import java.util.Optional;

import com.yieldpilot.identity.internal.AccountPrincipal;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The user behind the current request, browser session or API call. Services scope every
 * farmer's data with it, so a farmer can only ever reach their own.
 */
@Component
public class CurrentUser {

	private final SecurityContextHolderStrategy contexts;

	CurrentUser(ObjectProvider<SecurityContextHolderStrategy> strategy) {
		// the application's strategy bean (Vaadin's), not the JVM-wide static holder
		// another context may replace
		this.contexts = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
	}

	public Optional<UserAccount> find() {
		Authentication authentication = this.contexts.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
			return Optional.of(principal.account());
		}
		return Optional.empty();
	}

	/** The current user; throws when nobody is signed in. */
	public UserAccount require() {
		return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Nobody is signed in."));
	}

	public UserId id() {
		return require().id();
	}

}
