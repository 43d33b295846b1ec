package com.yieldpilot.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A personal API token as its owner sees it after creation: never the secret, only its
 * first characters.
 */
public record ApiTokenSummary(ApiTokenId id, String name, String hint, Instant createdAt, @Nullable Instant expiresAt,
		@Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

	/** Whether the token still authenticates at the given time. */
	public boolean activeAt(Instant now) {
		return this.revokedAt == null && (this.expiresAt == null || this.expiresAt.isAfter(now));
	}

}
