package com.yieldpilot.rules.ui;

import java.util.ArrayList;
import java.util.List;

import com.yieldpilot.rules.RuleCheck;
import com.yieldpilot.rules.RuleProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code editor's Java side: each new text is checked, and its problems go to the
 * browser.
 */
class RuleEditorTest {

	@Test
	void checksEachTextAndSendsItsProblemsWithLineAndColumn() {
		List<String> checked = new ArrayList<>();
		RuleProblem typo = new RuleProblem(3, 7, "There is no pool aave-v3:base:USDX; did you mean aave-v3:base:USDC?");
		RuleProblem warning = new RuleProblem(5, 3, "Nothing moves in paper mode");
		RuleEditor editor = new RuleEditor(text -> {
			checked.add(text);
			return new RuleCheck(false, null, null, List.of(typo), List.of(warning));
		});

		editor.setValue("rule \"x\" …");

		assertThat(checked).containsExactly("rule \"x\" …");
		assertThat(editor.check().errors()).containsExactly(typo);
		assertThat(editor.shownProblems()).containsExactly(typo, warning);
		String sent = editor.getElement().getPropertyRaw("diagnostics").toString();
		assertThat(sent).contains("\"line\":3", "\"column\":7", "\"severity\":\"error\"", "did you mean",
				"\"severity\":\"warning\"");
	}

}
