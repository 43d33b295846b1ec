package com.yieldpilot.platform.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text bound for logs: API tokens, bearer credentials, passwords in
 * key-value form, private keys and credentials inside URLs. It is a safety net; code
 * should not log secrets in the first place.
 */
public final class Redaction {

	/** What a secret is replaced with. */
	public static final String MASK = "[REDACTED]";

	private static final List<Rule> RULES = List.of(
			// YieldPilot API tokens: yp_ followed by the random part
			new Rule(Pattern.compile("\\byp_[A-Za-z0-9_-]{8,}"), m -> MASK),
			// Authorization headers and similar
			new Rule(Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}"), m -> m.group(1) + " " + MASK),
			// password=..., "secret": "...", apiKey: ...
			new Rule(Pattern.compile(
					"(?i)(\"?(?:password|passwd|secret|api[_-]?key|token|private[_-]?key|client[_-]?secret)\"?\\s*[:=]\\s*\"?)([^\\s\",&}]+)"),
					m -> m.group(1) + MASK),
			// 32-byte hex private keys (64 hex digits); transaction hashes have the same
			// shape, so only when
			// the word key stands before them
			new Rule(Pattern.compile("(?i)(key\\W{0,3})(0x)?[0-9a-f]{64}\\b"), m -> m.group(1) + MASK),
			// user:password@ in URLs
			new Rule(Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:)[^@\\s/]+@"),
					m -> m.group(1) + MASK + "@"),
			// API keys in the path or query of http(s) and websocket URLs, as RPC
			// providers put them (…/v2/<key>, …/v3/<key>, ?apikey=…)
			new Rule(Pattern.compile("(?i)\\b((?:https?|wss?)://[^\\s/?#\"'<>]+)([/?#][^\\s\"'<>]*)"),
					m -> m.group(1) + UrlKeys.mask(m.group(2))),
			// Stripe secret and restricted keys, webhook secrets
			new Rule(Pattern.compile("\\b(sk|rk|whsec)_(live|test)?_?[A-Za-z0-9]{10,}"), m -> MASK));

	private Redaction() {
	}

	/** Returns the text with every recognised secret masked. */
	public static String redact(String text) {
		String result = text;
		for (Rule rule : RULES) {
			result = rule.apply(result);
		}
		return result;
	}

	private record Rule(Pattern pattern, java.util.function.Function<Matcher, String> replacement) {

		String apply(String text) {
			Matcher matcher = this.pattern.matcher(text);
			if (!matcher.find()) {
				return text;
			}
			StringBuilder out = new StringBuilder(text.length());
			do {
				matcher.appendReplacement(out, Matcher.quoteReplacement(this.replacement.apply(matcher)));
			}
			while (matcher.find());
			matcher.appendTail(out);
			return out.toString();
		}

	}

}
