package com.yieldpilot.identity.internal;

import java.util.Collection;
import java.util.List;

import com.yieldpilot.identity.UserAccount;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated user inside Spring Security, for a browser session and for an API
 * token alike.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

	private final UserAccount account;

	private @Nullable String passwordHash;

	private final boolean enabled;

	public AccountPrincipal(UserAccount account, @Nullable String passwordHash, boolean enabled) {
		this.account = account;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
	}

	public UserAccount account() {
		return this.account;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.account.username();
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountPrincipal that && this.account.id().equals(that.account.id());
	}

	@Override
	public int hashCode() {
		return this.account.id().hashCode();
	}

	@Override
	public String toString() {
		return "AccountPrincipal[" + this.account.username() + "]";
	}

}
