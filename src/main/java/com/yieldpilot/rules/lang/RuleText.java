package com.yieldpilot.rules.lang;

import java.util.List;
import java.util.Optional;

/**
 * Text a rule carries as plain data: its name, notification messages and comments. The
 * checks keep out what could hide or disguise content (control characters, bidirectional
 * overrides, line separators) and bound the length; the escapes are the only two the
 * language has, {@code \"} and {@code \\}.
 */
public final class RuleText {

	/** The longest rule name, in characters. */
	public static final int MAX_NAME_LENGTH = 100;

	/** The longest notification message, in characters. */
	public static final int MAX_MESSAGE_LENGTH = 500;

	/** The longest comment line, in characters. */
	public static final int MAX_COMMENT_LENGTH = 500;

	private RuleText() {
	}

	/**
	 * What is wrong with the text as {@code what} (e.g. "the rule's name"), or empty when
	 * it may be used.
	 */
	public static Optional<String> problem(String text, int maxLength, String what) {
		int length = text.codePointCount(0, text.length());
		if (length > maxLength) {
			return Optional.of(what + " is " + length + " characters long; at most " + maxLength + " are allowed");
		}
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			if (forbidden(cp)) {
				return Optional.of(what + " contains the invisible character " + codePoint(cp)
						+ "; only visible characters and spaces are allowed");
			}
			i += Character.charCount(cp);
		}
		return Optional.empty();
	}

	/** The text between double quotes, with its quotes and backslashes escaped. */
	public static String quote(String text) {
		return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	static String require(String text, int maxLength, String what) {
		problem(text, maxLength, what).ifPresent(p -> {
			throw new IllegalArgumentException(p);
		});
		return text;
	}

	/**
	 * Comment lines as stored: checked, and without trailing spaces, which a line's end
	 * would lose anyway.
	 */
	static List<String> comments(List<String> comments) {
		return comments.stream().map(c -> require(c, MAX_COMMENT_LENGTH, "A comment").stripTrailing()).toList();
	}

	static String codePoint(int cp) {
		return String.format("U+%04X", cp);
	}

	/** The text with invisible characters shown as code points, for error messages. */
	static String printable(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().limit(60).forEach(cp -> {
			if (forbidden(cp) || Character.isWhitespace(cp) && cp != ' ') {
				out.append(codePoint(cp));
			}
			else {
				out.appendCodePoint(cp);
			}
		});
		return (text.codePointCount(0, text.length()) > 60) ? out + "…" : out.toString();
	}

	private static boolean forbidden(int cp) {
		int type = Character.getType(cp);
		return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
				|| type == Character.SURROGATE || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
				|| bidi(cp);
	}

	// the characters behind "Trojan Source": they reorder how text is displayed
	private static boolean bidi(int cp) {
		return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
				|| (cp >= 0x2066 && cp <= 0x2069);
	}

}
