package com.yieldpilot.platform.logging;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like an API key in the part of a URL after its host: a long, random
 * looking path segment, or the value of a query parameter named like a key. Hashes
 * ({@code 0x…}) and UUIDs, which explorers and APIs put into paths, stay readable.
 */
final class UrlKeys {

	private static final Pattern SEGMENT = Pattern.compile("[^/?#&=;]+");

	private static final Pattern KEY_LIKE = Pattern.compile("[A-Za-z0-9_-]{20,}");

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Set<String> KEY_PARAMETERS = Set.of("key", "apikey", "api_key", "api-key", "token",
			"access_token", "auth", "secret", "password");

	private UrlKeys() {
	}

	/** The path, query and fragment with key-like parts replaced by the mask. */
	static String mask(String rest) {
		StringBuilder out = new StringBuilder(rest.length());
		Matcher matcher = SEGMENT.matcher(rest);
		int last = 0;
		String parameter = null;
		while (matcher.find()) {
			out.append(rest, last, matcher.start());
			String part = matcher.group();
			boolean value = matcher.start() > 0 && rest.charAt(matcher.start() - 1) == '=';
			boolean secret = (value && parameter != null && KEY_PARAMETERS.contains(parameter)) || looksLikeKey(part);
			out.append(secret ? Redaction.MASK : part);
			int end = matcher.end();
			parameter = (end < rest.length() && rest.charAt(end) == '=') ? part.toLowerCase(Locale.ROOT) : null;
			last = end;
		}
		return out.append(rest.substring(last)).toString();
	}

	private static boolean looksLikeKey(String part) {
		if (!KEY_LIKE.matcher(part).matches() || part.startsWith("0x") || UUID.matcher(part).matches()) {
			return false;
		}
		boolean digit = part.chars().anyMatch(Character::isDigit);
		boolean upper = part.chars().anyMatch(Character::isUpperCase);
		boolean lower = part.chars().anyMatch(Character::isLowerCase);
		return digit || (upper && lower);
	}

}
