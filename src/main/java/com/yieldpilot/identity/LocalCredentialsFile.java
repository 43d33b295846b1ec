package com.yieldpilot.identity;

/**
 * Local mode's {@code local-credentials.properties}: the demo logins, and what other
 * modules add for the demo (the local chain's RPC URL, the demo farmer's vault). Present
 * only in local mode.
 */
public interface LocalCredentialsFile {

	/**
	 * Sets {@code key} to {@code value} in the file, replacing an earlier value and
	 * keeping the rest and the file's owner-only permissions.
	 * @throws IllegalStateException when the file does not exist (the demo users were
	 * created on another home)
	 */
	void put(String key, String value);

}
