package com.yieldpilot.identity;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What it takes to create a user. Validates itself: usernames are 3 to 64 lower-case
 * letters, digits, dots, dashes or underscores; passwords are at least
 * {@value #PASSWORD_MIN_LENGTH} characters.
 */
public record NewUser(String username, String password, Set<Role> roles) {

	public static final int USERNAME_MAX_LENGTH = 64;

	public static final int PASSWORD_MIN_LENGTH = 12;

	public static final int PASSWORD_MAX_LENGTH = 256;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

	public NewUser {
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(password, "password");
		username = username.strip().toLowerCase(java.util.Locale.ROOT);
		if (!USERNAME.matcher(username).matches()) {
			throw new IllegalArgumentException("A username has 3 to 64 characters: lower-case letters, digits, "
					+ "'.', '-' or '_', starting with a letter or digit.");
		}
		if (password.length() < PASSWORD_MIN_LENGTH || password.length() > PASSWORD_MAX_LENGTH) {
			throw new IllegalArgumentException("A password has at least " + PASSWORD_MIN_LENGTH + " and at most "
					+ PASSWORD_MAX_LENGTH + " characters.");
		}
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("A user needs at least one role.");
		}
		roles = Set.copyOf(roles);
	}

	@Override
	public String toString() {
		return "NewUser[username=" + this.username + ", roles=" + this.roles + "]";
	}

}
