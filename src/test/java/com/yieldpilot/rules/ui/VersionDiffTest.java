package com.yieldpilot.rules.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionDiffTest {

	@Test
	void showsChangedLinesAsRemovedThenAddedBetweenUnchangedOnes() {
		String v1 = "rule \"a\"\nwhen\n  apy(x:y:z) < 4%\nthen\n  notify \"low\"\n";
		String v2 = "rule \"a\"\nwhen\n  apy(x:y:z) < 3%\nthen\n  notify \"low\"\n  notify \"again\"\n";

		assertThat(VersionDiff.between(v1, v2)).extracting(VersionDiff.Line::toString)
			.containsExactly("  rule \"a\"", "  when", "-   apy(x:y:z) < 4%", "+   apy(x:y:z) < 3%", "  then",
					"    notify \"low\"", "+   notify \"again\"");
	}

	@Test
	void equalTextsHaveNoChange() {
		assertThat(VersionDiff.between("a\nb\n", "a\nb\n")).allMatch(line -> line.change() == VersionDiff.Change.SAME)
			.hasSize(2);
	}

}
