package com.yieldpilot.identity.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.yieldpilot.identity.ApiTokenId;
import com.yieldpilot.identity.ApiTokenRequest;
import com.yieldpilot.identity.ApiTokenSummary;
import com.yieldpilot.identity.ApiTokens;
import com.yieldpilot.identity.IssuedApiToken;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own API tokens. Another user's token id answers 404, exactly like an id
 * that does not exist, so the API does not even reveal that it exists.
 */
@RestController
@RequestMapping("/api/v1/tokens")
class ApiTokenController {

	private final ApiTokens tokens;

	private final Clock clock;

	ApiTokenController(ApiTokens tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping
	Page list(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
		if (offset < 0 || limit < 1 || limit > 500) {
			throw new IllegalArgumentException("offset must be 0 or more and limit between 1 and 500.");
		}
		Instant now = this.clock.instant();
		return new Page(this.tokens.list(offset, limit).stream().map(t -> TokenView.of(t, now)).toList(),
				this.tokens.count());
	}

	@GetMapping("/{id}")
	ResponseEntity<TokenView> get(@PathVariable UUID id) {
		Instant now = this.clock.instant();
		return ResponseEntity.of(this.tokens.find(new ApiTokenId(id)).map(t -> TokenView.of(t, now)));
	}

	@PostMapping
	ResponseEntity<IssuedToken> create(@RequestBody CreateToken body) {
		IssuedApiToken issued = this.tokens
			.issue(new ApiTokenRequest(Objects.requireNonNullElse(body.name(), ""), body.expiresAt()));
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id()))
			.body(new IssuedToken(TokenView.of(issued.token(), this.clock.instant()), issued.secret()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable UUID id) {
		return this.tokens.revoke(new ApiTokenId(id)) ? ResponseEntity.noContent().build()
				: ResponseEntity.notFound().build();
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	record CreateToken(@Nullable String name, @Nullable Instant expiresAt) {
	}

	/**
	 * A token as the API shows it: ids as plain strings and a status the client need not
	 * compute.
	 */
	record TokenView(String id, String name, String hint, String status, Instant createdAt, @Nullable Instant expiresAt,
			@Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

		static TokenView of(ApiTokenSummary t, Instant now) {
			String status = (t.revokedAt() != null) ? "revoked" : t.activeAt(now) ? "active" : "expired";
			return new TokenView(t.id().toString(), t.name(), t.hint(), status, t.createdAt(), t.expiresAt(),
					t.lastUsedAt(), t.revokedAt());
		}

	}

	record IssuedToken(TokenView token, String secret) {

		@Override
		public String toString() {
			return "IssuedToken[token=" + this.token + ", secret=***]";
		}

	}

	record Page(List<TokenView> items, int total) {
	}

}
