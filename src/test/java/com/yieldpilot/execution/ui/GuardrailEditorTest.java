package com.yieldpilot.execution.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import com.yieldpilot.execution.GuardrailProblem;
import com.yieldpilot.execution.GuardrailRejectedException;
import com.yieldpilot.execution.GuardrailSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The guardrail editor alone, with callbacks standing in for the service. */
@ViewPackages(classes = GuardrailEditor.class)
class GuardrailEditorTest extends BrowserlessTest {

	private static final GuardrailSet VERSION = new GuardrailSet(3, GuardrailSet.Origin.ADMIN, "0".repeat(64),
			"tighter", null, Instant.parse("2026-11-21T08:00:00Z"),
			Map.of("a.drl", "rule \"a\" when then end", "b.drl", "rule \"b\" when then end"));

	private final List<Map<String, String>> checked = new ArrayList<>();

	private final List<Map<String, String>> saved = new ArrayList<>();

	private List<GuardrailProblem> problems = List.of();

	private GuardrailEditor editor() {
		GuardrailEditor editor = new GuardrailEditor(files -> {
			this.checked.add(files);
			return this.problems;
		}, files -> List.of(), (files, note) -> {
			if (!this.problems.isEmpty()) {
				throw new GuardrailRejectedException(this.problems);
			}
			this.saved.add(files);
			return new GuardrailSet(4, GuardrailSet.Origin.ADMIN, "1".repeat(64), note, null, Instant.now(), files);
		}, set -> {
		});
		UI.getCurrent().add(editor);
		editor.load(VERSION);
		return editor;
	}

	@Test
	void editsEachFileOfACopyAndChecksThemAll() {
		GuardrailEditor editor = editor();
		test(editor.drl).setValue("rule \"a2\" when then end");
		test(editor.file).selectItem("b.drl");

		assertThat(editor.drl.getValue()).isEqualTo("rule \"b\" when then end");
		test(editor.check).click();

		assertThat(this.checked).singleElement()
			.isEqualTo(Map.of("a.drl", "rule \"a2\" when then end", "b.drl", "rule \"b\" when then end"));
		assertThat(editor.message.getText()).isEqualTo("The guardrails compile.");
		assertThat(VERSION.files().get("a.drl")).as("the version itself is untouched")
			.isEqualTo("rule \"a\" when then end");
	}

	@Test
	void showsEachProblemWithItsFileLineAndColumn() {
		this.problems = List.of(new GuardrailProblem("a.drl", 7, 35, "no viable alternative at input ')'"));
		GuardrailEditor editor = editor();

		test(editor.check).click();

		assertThat(editor.problems.getChildren().map(c -> ((ListItem) c).getText()))
			.containsExactly("a.drl:7:35: no viable alternative at input ')'");
		assertThat(editor.message.getText()).isEqualTo("1 problem: nothing was saved.");
	}

	@Test
	void savingABrokenSetShowsItsProblemsAndSavesNothing() {
		this.problems = List.of(new GuardrailProblem("b.drl", 2, 5, "Unable to find class: Nothing"));
		GuardrailEditor editor = editor();

		test(editor.save).click();

		assertThat(this.saved).isEmpty();
		assertThat(editor.problems.getChildren()).hasSize(1);
	}

	@Test
	void savesTheEditedCopyWithItsNote() {
		GuardrailEditor editor = editor();
		test(editor.drl).setValue("rule \"a3\" when then end");
		test(editor.note).setValue("no deposits on Fridays");

		test(editor.save).click();

		assertThat(this.saved).singleElement()
			.satisfies(files -> assertThat(files).containsEntry("a.drl", "rule \"a3\" when then end"));
		assertThat(editor.message.getText()).isEqualTo("Saved as version 4. Activate it in the list above.");
		assertThat(editor.note.getValue()).isEmpty();
	}

}
