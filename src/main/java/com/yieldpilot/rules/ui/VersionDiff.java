package com.yieldpilot.rules.ui;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * The lines that differ between two versions of a rule, in order, with the unchanged
 * lines around them for context (java-diff-utils' Myers diff).
 */
final class VersionDiff {

	/** What happened to a line. */
	enum Change {

		SAME(" "), REMOVED("-"), ADDED("+");

		private final String mark;

		Change(String mark) {
			this.mark = mark;
		}

		String mark() {
			return this.mark;
		}

	}

	/** One line of the diff. */
	record Line(Change change, String text) {

		@Override
		public String toString() {
			return this.change.mark() + " " + this.text;
		}

	}

	private VersionDiff() {
	}

	/**
	 * Every line of both texts: unchanged ones once, changed ones as removed then added.
	 */
	static List<Line> between(String older, String newer) {
		List<String> before = older.lines().toList();
		List<String> after = newer.lines().toList();
		Patch<String> patch = DiffUtils.diff(before, after);
		List<Line> lines = new ArrayList<>();
		int position = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			for (; position < delta.getSource().getPosition(); position++) {
				lines.add(new Line(Change.SAME, before.get(position)));
			}
			delta.getSource().getLines().forEach(l -> lines.add(new Line(Change.REMOVED, l)));
			delta.getTarget().getLines().forEach(l -> lines.add(new Line(Change.ADDED, l)));
			position += delta.getSource().size();
		}
		for (; position < before.size(); position++) {
			lines.add(new Line(Change.SAME, before.get(position)));
		}
		return lines;
	}

}
