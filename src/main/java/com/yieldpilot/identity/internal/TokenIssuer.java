package com.yieldpilot.identity.internal;

import java.time.Clock;

import com.yieldpilot.identity.ApiTokenId;
import com.yieldpilot.identity.ApiTokenRequest;
import com.yieldpilot.identity.AuditLog;
import com.yieldpilot.identity.IssuedApiToken;
import com.yieldpilot.identity.UserId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mints a token for a given owner. Callers decide who the owner is: {@code ApiTokens}
 * passes the signed-in user, local mode's bootstrap passes the demo users it just
 * created.
 */
@Component
public class TokenIssuer {

	/**
	 * How many tokens one user may hold, so a stolen session cannot mint tokens without
	 * end.
	 */
	public static final int MAX_TOKENS_PER_USER = 50;

	private final ApiTokenRepository tokens;

	private final AuditLog auditLog;

	private final Clock clock;

	TokenIssuer(ApiTokenRepository tokens, AuditLog auditLog, Clock clock) {
		this.tokens = tokens;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional
	public IssuedApiToken issue(UserId owner, ApiTokenRequest request) {
		if (this.tokens.countByOwner(owner) >= MAX_TOKENS_PER_USER) {
			throw new IllegalArgumentException(
					"You already have " + MAX_TOKENS_PER_USER + " tokens; revoke one you no longer use first.");
		}
		if (request.expiresAt() != null && !request.expiresAt().isAfter(this.clock.instant())) {
			throw new IllegalArgumentException("The expiry date must be in the future.");
		}
		String secret = TokenSecrets.newSecret();
		ApiTokenId id = ApiTokenId.random();
		this.tokens.insert(id, owner, request.name(), TokenSecrets.digest(secret), TokenSecrets.hint(secret),
				request.expiresAt());
		this.auditLog.record(owner, "token.issued", id.toString(), request.name());
		return new IssuedApiToken(this.tokens.findByOwnerAndId(owner, id).orElseThrow(), secret);
	}

}
