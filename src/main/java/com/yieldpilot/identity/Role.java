package com.yieldpilot.identity;

/**
 * What a user may do. Farmers run their own rules and vaults; admins also edit guardrails
 * and see the system.
 */
public enum Role {

	FARMER, ADMIN;

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
