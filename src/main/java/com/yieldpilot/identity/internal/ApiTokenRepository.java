package com.yieldpilot.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.yieldpilot.identity.ApiTokenId;
import com.yieldpilot.identity.ApiTokenSummary;
import com.yieldpilot.identity.UserAccount;
import com.yieldpilot.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Personal API tokens, stored as SHA-256 digests. Every read is scoped to an owner, so no
 * query can return another user's token. Writes need a running transaction.
 */
public interface ApiTokenRepository {

	void insert(ApiTokenId id, UserId owner, String name, String digest, String hint, @Nullable Instant expiresAt);

	List<ApiTokenSummary> findByOwner(UserId owner, int offset, int limit);

	int countByOwner(UserId owner);

	Optional<ApiTokenSummary> findByOwnerAndId(UserId owner, ApiTokenId id);

	/** Revokes the owner's token; false when the owner has no such active token. */
	boolean revoke(UserId owner, ApiTokenId id, Instant at);

	/**
	 * The enabled user an active token with this digest belongs to, marking the token as
	 * used.
	 */
	Optional<UserAccount> authenticate(String digest, Instant now);

}
