package com.yieldpilot.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a bearer value into an authentication: a personal API token of an enabled user,
 * or the metrics scrape token, which may read {@code /actuator/prometheus} and nothing
 * else.
 */
@Component
class BearerTokenAuthenticator {

	/** The only authority the scrape token carries. */
	static final String METRICS_SCRAPE = "METRICS_SCRAPE";

	private final ApiTokenRepository tokens;

	private final Clock clock;

	private final @Nullable String scrapeTokenDigest;

	BearerTokenAuthenticator(ApiTokenRepository tokens, Clock clock,
			@Value("${yieldpilot.observability.scrape-token:}") String scrapeToken) {
		this.tokens = tokens;
		this.clock = clock;
		this.scrapeTokenDigest = scrapeToken.isBlank() ? null : TokenSecrets.digest(scrapeToken);
	}

	@Transactional
	public Optional<Authentication> authenticate(String bearer) {
		if (this.scrapeTokenDigest != null
				&& MessageDigest.isEqual(utf8(this.scrapeTokenDigest), utf8(TokenSecrets.digest(bearer)))) {
			return Optional.of(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
					List.of(new SimpleGrantedAuthority(METRICS_SCRAPE))));
		}
		if (!TokenSecrets.looksLikeToken(bearer)) {
			return Optional.empty();
		}
		return this.tokens.authenticate(TokenSecrets.digest(bearer), this.clock.instant()).map(account -> {
			AccountPrincipal principal = new AccountPrincipal(account, null, true);
			return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
		});
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
