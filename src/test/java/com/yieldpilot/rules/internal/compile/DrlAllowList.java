package com.yieldpilot.rules.internal.compile;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What preview DRL may contain: the fixed comment lines, string literals that are
 * validated names, ids or durations, numbers, the {@code $t} bindings, punctuation, and a
 * fixed set of words (DRL keywords, the engine's fact classes and the intent API).
 */
public final class DrlAllowList {

	private static final Pattern COMMENT = Pattern
		.compile("// (Rule [0-9a-f-]{36}, version \\d+\\.|Evaluated as facts by the generic rules of network\\.drl; "
				+ "this DRL states the same|condition for review\\. It matches only while every value it reads "
				+ "is known and fresh\\.)");

	private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");

	private static final Pattern SAFE_LITERAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._+\\-]*");

	private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z$])\\d+(\\.\\d+)?(E-?\\d+)?d?");

	private static final Pattern WORD = Pattern.compile("\\$?[A-Za-z_][A-Za-z0-9_]*");

	/**
	 * Every word preview DRL may use: no {@code import}, {@code eval}, {@code new},
	 * {@code System}, {@code Runtime}, reflection or any class but the engine's facts,
	 * {@code Duration} and the intent API (RELIABILITY 24).
	 */
	private static final Set<String> WORDS = Set.of("package", "com", "yieldpilot", "preview", "rules", "internal",
			"engine", "compile", "TermValue", "TermKey", "global", "PreviewIntents", "intents", "rule", "when", "then",
			"end", "term", "latest", "window", "Aggregate", "AVG", "MIN", "MAX", "CHANGE", "PCT_CHANGE", "java", "time",
			"Duration", "parse", "known", "value", "heldFor", "propose");

	private static final Pattern PUNCTUATION = Pattern.compile("[\\s(){},.;:=<>!&|+\\-*/]*");

	private DrlAllowList() {
	}

	public static void check(String drl) {
		StringBuilder code = new StringBuilder();
		for (String line : drl.split("\n")) {
			if (line.startsWith("//")) {
				assertThat(line).as("a comment line of the preview").matches(COMMENT);
			}
			else {
				code.append(line).append('\n');
			}
		}
		Matcher literals = LITERAL.matcher(code);
		StringBuilder rest = new StringBuilder();
		while (literals.find()) {
			assertThat(literals.group(1)).as("a string literal in %s", drl).matches(SAFE_LITERAL);
			literals.appendReplacement(rest, " ");
		}
		literals.appendTail(rest);
		String stripped = NUMBER.matcher(rest).replaceAll(" ");
		assertThat(stripped).as("quotes outside literals in %s", drl).doesNotContain("\"", "\\", "'", "`");
		Matcher words = WORD.matcher(stripped);
		StringBuilder punctuation = new StringBuilder();
		while (words.find()) {
			String word = words.group();
			assertThat(WORDS.contains(word) || word.matches("\\$t\\d+")).as("word '%s' in %s", word, drl).isTrue();
			words.appendReplacement(punctuation, " ");
		}
		words.appendTail(punctuation);
		assertThat(punctuation.toString()).as("punctuation in %s", drl).matches(PUNCTUATION);
	}

}
