package com.yieldpilot.identity;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IssuedApiTokenTest {

	@Test
	void toStringHidesTheSecret() {
		ApiTokenSummary summary = new ApiTokenSummary(ApiTokenId.random(), "cli", "yp_abcd…", Instant.EPOCH, null, null,
				null);
		assertThat(new IssuedApiToken(summary, "yp_supersecretvalue").toString()).doesNotContain("supersecret");
	}

	@Test
	void tokenIsInactiveOnceRevokedOrExpired() {
		Instant now = Instant.parse("2026-11-21T00:00:00Z");
		ApiTokenSummary active = new ApiTokenSummary(ApiTokenId.random(), "a", "h", now, now.plusSeconds(60), null,
				null);
		ApiTokenSummary expired = new ApiTokenSummary(ApiTokenId.random(), "a", "h", now, now, null, null);
		ApiTokenSummary revoked = new ApiTokenSummary(ApiTokenId.random(), "a", "h", now, null, null, now);
		assertThat(active.activeAt(now)).isTrue();
		assertThat(expired.activeAt(now)).isFalse();
		assertThat(revoked.activeAt(now)).isFalse();
	}

}
