package com.yieldpilot.identity;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A request for a new personal API token: a name to recognise it by and an optional
 * expiry.
 */
public record ApiTokenRequest(String name, @Nullable Instant expiresAt) {

	public static final int NAME_MAX_LENGTH = 80;

	public ApiTokenRequest {
		Objects.requireNonNull(name, "name");
		name = name.strip();
		if (name.isEmpty() || name.length() > NAME_MAX_LENGTH) {
			throw new IllegalArgumentException("A token name has 1 to " + NAME_MAX_LENGTH + " characters.");
		}
		if (name.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("A token name cannot contain control characters.");
		}
	}

}
