package com.yieldpilot.identity;

/**
 * A token just created: the only moment its secret exists outside the user's hands. Only
 * a hash of it is stored. {@link #toString()} never prints the secret.
 */
public record IssuedApiToken(ApiTokenSummary token, String secret) {

	@Override
	public String toString() {
		return "IssuedApiToken[token=" + this.token + ", secret=***]";
	}

}
