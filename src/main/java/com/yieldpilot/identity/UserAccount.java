package com.yieldpilot.identity;

import java.util.Objects;
import java.util.Set;

/** A user as other modules see it: no password, no tokens. */
public record UserAccount(UserId id, String username, Set<Role> roles, ColorPreference colorPreference) {

	public UserAccount {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(username, "username");
		roles = Set.copyOf(roles);
		Objects.requireNonNull(colorPreference, "colorPreference");
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

}
