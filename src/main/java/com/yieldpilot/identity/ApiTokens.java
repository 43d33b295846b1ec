package com.yieldpilot.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.yieldpilot.identity.internal.ApiTokenRepository;
import com.yieldpilot.identity.internal.TokenIssuer;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's personal API tokens. A token's secret is returned once, at
 * creation, and only its SHA-256 digest is stored. Every method works on the current
 * user's tokens only.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ApiTokens {

	private final ApiTokenRepository tokens;

	private final CurrentUser currentUser;

	private final TokenIssuer issuer;

	private final AuditLog auditLog;

	private final Clock clock;

	ApiTokens(ApiTokenRepository tokens, TokenIssuer issuer, CurrentUser currentUser, AuditLog auditLog, Clock clock) {
		this.tokens = tokens;
		this.issuer = issuer;
		this.currentUser = currentUser;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional
	public IssuedApiToken issue(ApiTokenRequest request) {
		return this.issuer.issue(this.currentUser.id(), request);
	}

	@Transactional(readOnly = true)
	public List<ApiTokenSummary> list(int offset, int limit) {
		return this.tokens.findByOwner(this.currentUser.id(), offset, Math.min(limit, 500));
	}

	@Transactional(readOnly = true)
	public int count() {
		return this.tokens.countByOwner(this.currentUser.id());
	}

	@Transactional(readOnly = true)
	public Optional<ApiTokenSummary> find(ApiTokenId id) {
		return this.tokens.findByOwnerAndId(this.currentUser.id(), id);
	}

	/**
	 * Revokes one of the current user's tokens; false if they have no such active token.
	 */
	@Transactional
	public boolean revoke(ApiTokenId id) {
		UserId owner = this.currentUser.id();
		boolean revoked = this.tokens.revoke(owner, id, this.clock.instant());
		if (revoked) {
			this.auditLog.record(owner, "token.revoked", id.toString(), null);
		}
		return revoked;
	}

}
