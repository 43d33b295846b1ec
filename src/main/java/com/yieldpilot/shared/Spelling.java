package com.yieldpilot.shared;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean …": the known names closest to a mistyped one, for error messages that
 * name the fix. Case is ignored; a candidate qualifies within a third of the text's
 * length in edits (at least 3).
 */
public final class Spelling {

	private Spelling() {
	}

	/** The candidates closest to the text, best first, at most {@code max} of them. */
	public static List<String> closest(String text, Collection<String> candidates, int max) {
		String wanted = text.toLowerCase(Locale.ROOT);
		int tolerance = Math.max(3, wanted.length() / 3);
		return candidates.stream()
			.distinct()
			.map(c -> new Scored(c, distance(wanted, c.toLowerCase(Locale.ROOT))))
			.filter(s -> s.distance() <= tolerance)
			.sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
			.limit(max)
			.map(Scored::candidate)
			.toList();
	}

	/** Levenshtein distance: edits needed to turn one text into the other. */
	public static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private record Scored(String candidate, int distance) {
	}

}
