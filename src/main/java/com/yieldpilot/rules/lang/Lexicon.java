package com.yieldpilot.rules.lang;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of the language that the grammar and the tree must agree on: which words are
 * keywords, and what a name looks like. A tree only holds names the printer can write
 * back and the parser read again.
 */
public final class Lexicon {

	/** The longest name (metric, chain, asset, token symbol), in characters. */
	public static final int MAX_NAME_LENGTH = 40;

	/** Every keyword of the grammar. Keywords are lower case. */
	public static final Set<String> KEYWORDS = Set.of("rule", "when", "then", "and", "or", "not", "for", "every",
			"move", "withdraw", "deposit", "notify", "from", "to", "into", "avg", "min", "max", "change", "pctchange",
			"options", "cooldown", "gas", "mode", "paper", "live", "approval", "required", "priority", "expires",
			"evaluate");

	/**
	 * Keywords that are also plausible names (the metric {@code gas}, the chain
	 * {@code mode}); the grammar accepts them wherever a name may stand.
	 */
	public static final Set<String> SOFT_KEYWORDS = Set.of("gas", "mode", "paper", "live");

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*");

	private Lexicon() {
	}

	/**
	 * Whether the text can stand as a name: a metric, a chain, an asset.
	 */
	public static boolean isName(String text) {
		return text.length() <= MAX_NAME_LENGTH && NAME.matcher(text).matches()
				&& (!KEYWORDS.contains(text) || SOFT_KEYWORDS.contains(text));
	}

	/**
	 * Whether the text can stand as a unit after a number ({@code bps}, {@code USDC}): a
	 * name that is no keyword at all.
	 */
	public static boolean isUnitName(String text) {
		return text.length() <= MAX_NAME_LENGTH && NAME.matcher(text).matches() && !KEYWORDS.contains(text);
	}

	static void requireName(String text, String what) {
		if (!isName(text)) {
			throw new IllegalArgumentException(
					"'" + RuleText.printable(text) + "' is not a valid " + what + " name: use letters, digits, '_', "
							+ "and '.' or '-' between them, at most " + MAX_NAME_LENGTH + " characters, no keyword.");
		}
	}

}
