package com.yieldpilot.identity.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.identity.ColorPreference;
import com.yieldpilot.identity.Role;
import com.yieldpilot.identity.UserAccount;
import com.yieldpilot.identity.UserId;

/** Writes and reads user accounts. Every write needs a running transaction. */
public interface UserRepository {

	void insert(UserId id, String username, String passwordHash, Set<Role> roles);

	Optional<UserAccount> findById(UserId id);

	Optional<UserAccount> findByUsername(String username);

	/** The usernames of the users among the ids that exist. */
	Map<UserId, String> usernames(Collection<UserId> ids);

	/** The account with its password hash, for log-in only. */
	Optional<Credentials> findCredentials(String username);

	boolean exists(String username);

	boolean anyWithRole(Role role);

	void updateColorPreference(UserId id, ColorPreference preference);

	/** A user's account and password hash, as the log-in needs them. */
	record Credentials(UserAccount account, String passwordHash, boolean enabled) {

		@Override
		public String toString() {
			return "Credentials[account=" + this.account + ", enabled=" + this.enabled + "]";
		}

	}

}
