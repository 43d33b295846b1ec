package com.yieldpilot.identity;

import java.util.HashSet;
import java.util.Set;

import com.yieldpilot.identity.internal.TokenSecrets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenSecretsTest {

	@Test
	void secretsAreUniqueAndHaveTheTokenShape() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String secret = TokenSecrets.newSecret();
			assertThat(TokenSecrets.looksLikeToken(secret)).as(secret).isTrue();
			assertThat(seen.add(secret)).isTrue();
		}
	}

	@Test
	void digestIsStableHexAndDiffersFromTheSecret() {
		String secret = TokenSecrets.newSecret();
		assertThat(TokenSecrets.digest(secret)).hasSize(64)
			.matches("[0-9a-f]{64}")
			.isEqualTo(TokenSecrets.digest(secret))
			.doesNotContain(secret.substring(3));
	}

	@Test
	void hintRevealsOnlyTheFirstCharacters() {
		String secret = TokenSecrets.newSecret();
		assertThat(TokenSecrets.hint(secret)).startsWith("yp_").hasSize(8);
	}

	@Test
	void rejectsValuesThatAreNotTokens() {
		assertThat(TokenSecrets.looksLikeToken("yp_short")).isFalse();
		assertThat(TokenSecrets.looksLikeToken("xx_" + "a".repeat(43))).isFalse();
		assertThat(TokenSecrets.looksLikeToken("yp_" + "a".repeat(42) + "'")).isFalse();
	}

}
