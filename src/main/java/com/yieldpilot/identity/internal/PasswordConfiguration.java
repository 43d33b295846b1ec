package com.yieldpilot.identity.internal;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed with Argon2id (OWASP's first choice). The hash carries its
 * algorithm's id, so a later change of algorithm keeps old hashes readable.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	private static final String ARGON2 = "argon2@SpringSecurity_v5_8";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder(ARGON2, Map.of(ARGON2,
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));
	}

}
