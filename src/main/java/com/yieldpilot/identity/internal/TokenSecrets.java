package com.yieldpilot.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes and digests API token secrets. A secret is {@code yp_} and 32 random bytes in
 * URL-safe Base64, so a plain SHA-256 digest is enough to store it: there is nothing to
 * brute-force, unlike a password.
 */
public final class TokenSecrets {

	/**
	 * Every YieldPilot token starts with this, so leaked tokens are easy to spot (and to
	 * redact in logs).
	 */
	public static final String PREFIX = "yp_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private TokenSecrets() {
	}

	public static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The SHA-256 digest of a secret, in lower-case hex, as stored. */
	public static String digest(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/** The first characters, shown in lists so a user can tell tokens apart. */
	public static String hint(String secret) {
		return secret.substring(0, Math.min(secret.length(), PREFIX.length() + 4)) + "…";
	}

	/** Whether a presented value has a token's shape, before any database look-up. */
	public static boolean looksLikeToken(String value) {
		return value.startsWith(PREFIX) && value.length() == PREFIX.length() + 43
				&& value.chars().skip(PREFIX.length()).allMatch(TokenSecrets::isBase64Url);
	}

	private static boolean isBase64Url(int c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
	}

}
