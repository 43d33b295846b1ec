package com.yieldpilot.identity.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} on the stateless chains. A request
 * without the header passes on unauthenticated (and is refused later if the endpoint
 * needs a user); a request with a bad token is refused here with 401, so a typo in a
 * token never falls back to anonymous access.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String PREFIX = "Bearer ";

	private final BearerTokenAuthenticator authenticator;

	private final SecurityContextHolderStrategy contexts;

	BearerTokenFilter(BearerTokenAuthenticator authenticator, SecurityContextHolderStrategy contexts) {
		this.authenticator = authenticator;
		this.contexts = contexts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Authentication> authentication = this.authenticator
			.authenticate(header.substring(PREFIX.length()).strip());
		if (authentication.isEmpty()) {
			ProblemResponses.unauthorized(response, "invalid_token",
					"The API token is unknown, revoked or expired. Create a new one under API tokens.");
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(authentication.get());
		this.contexts.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.contexts.clearContext();
		}
	}

}
