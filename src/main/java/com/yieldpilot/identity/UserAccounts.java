package com.yieldpilot.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.identity.internal.UserRepository;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and reads user accounts. Passwords are hashed with Argon2id before they reach
 * the database.
 */
@Service
public class UserAccounts {

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final CurrentUser currentUser;

	private final AuditLog auditLog;

	UserAccounts(UserRepository users, PasswordEncoder passwordEncoder, CurrentUser currentUser, AuditLog auditLog) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.currentUser = currentUser;
		this.auditLog = auditLog;
	}

	/**
	 * Creates a user. Only an admin may call this from a request; start-up bootstrapping
	 * goes through {@link #bootstrap(NewUser)}.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public UserAccount create(NewUser user) {
		return insert(user, this.currentUser.find().map(UserAccount::id).orElse(null));
	}

	/**
	 * Creates a user at start-up, with no one signed in (local mode's demo users, the
	 * production admin).
	 */
	@Transactional
	public UserAccount bootstrap(NewUser user) {
		return insert(user, null);
	}

	@Transactional(readOnly = true)
	public Optional<UserAccount> findByUsername(String username) {
		return this.users.findByUsername(username);
	}

	/**
	 * The usernames of these users, for admins' lists of many farmers' rows; an id of no
	 * user is left out.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public Map<UserId, String> usernames(Collection<UserId> ids) {
		return ids.isEmpty() ? Map.of() : this.users.usernames(ids);
	}

	@Transactional(readOnly = true)
	public boolean anyAdmin() {
		return this.users.anyWithRole(Role.ADMIN);
	}

	/** Remembers the signed-in user's colour scheme. */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void setColorPreference(ColorPreference preference) {
		this.users.updateColorPreference(this.currentUser.id(), preference);
	}

	/**
	 * The signed-in user's account as stored now (roles and preferences may have changed
	 * since log-in).
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public UserAccount current() {
		UserId id = this.currentUser.id();
		return this.users.findById(id).orElseThrow(() -> new IllegalStateException("User " + id + " is gone"));
	}

	private UserAccount insert(NewUser user, UserId actor) {
		if (this.users.exists(user.username())) {
			throw new IllegalArgumentException("The username '" + user.username() + "' is taken.");
		}
		UserId id = UserId.random();
		this.users.insert(id, user.username(), this.passwordEncoder.encode(user.password()), user.roles());
		this.auditLog.record(actor, "user.created", user.username(), "roles " + user.roles());
		return this.users.findById(id).orElseThrow();
	}

}
