package com.yieldpilot.rules.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.yieldpilot.rules.RuleCheck;
import com.yieldpilot.rules.RuleProblem;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The rule text in a code editor: the Java side of {@code <yp-rule-editor>}
 * ({@code src/main/frontend/components/yp-rule-editor.ts}), CodeMirror 6 with the rule
 * language's highlighting. The browser sends the text a moment after the farmer stops
 * typing; the editor checks it with the validator it was given and shows every error and
 * warning at its line and column, "did you mean" included.
 */
@Tag("yp-rule-editor")
@NpmPackage(value = "@codemirror/state", version = "6.7.6")
@NpmPackage(value = "@codemirror/view", version = "6.43.15")
@NpmPackage(value = "@codemirror/language", version = "6.13.1")
@NpmPackage(value = "@codemirror/lint", version = "6.9.8")
@NpmPackage(value = "@codemirror/commands", version = "6.11.1")
@JsModule("./components/yp-rule-editor.ts")
class RuleEditor extends AbstractSinglePropertyField<RuleEditor, String> implements HasSize {

	private final Function<String, RuleCheck> validator;

	private @Nullable RuleCheck check;

	private List<RuleProblem> shown = List.of();

	RuleEditor(Function<String, RuleCheck> validator) {
		super("value", "", false);
		this.validator = Objects.requireNonNull(validator, "validator");
		getElement().setAttribute("aria-label", "Rule text");
		setWidthFull();
		addValueChangeListener(e -> validate());
	}

	/** The check of the current text, made when it last changed. */
	@Nullable RuleCheck check() {
		return this.check;
	}

	/**
	 * Checks the current text again (the catalog may have changed) and shows the result.
	 */
	RuleCheck validate() {
		RuleCheck result = this.validator.apply(getValue());
		this.check = result;
		show(result.errors(), result.warnings());
		return result;
	}

	/** Shows problems found elsewhere, e.g. by a save that was rejected. */
	void show(List<RuleProblem> errors, List<RuleProblem> warnings) {
		ArrayNode marks = JsonNodeFactory.instance.arrayNode();
		List<RuleProblem> all = new ArrayList<>();
		errors.forEach(p -> add(marks, p, "error"));
		warnings.forEach(p -> add(marks, p, "warning"));
		all.addAll(errors);
		all.addAll(warnings);
		this.shown = List.copyOf(all);
		getElement().setPropertyJson("diagnostics", marks);
	}

	/** The problems the browser was last told to show, errors first. */
	List<RuleProblem> shownProblems() {
		return this.shown;
	}

	void setReadOnlyText(boolean readOnly) {
		getElement().setProperty("readonly", readOnly);
	}

	private static void add(ArrayNode marks, RuleProblem problem, String severity) {
		marks.addObject()
			.put("line", problem.line())
			.put("column", problem.column())
			.put("severity", severity)
			.put("message", problem.message());
	}

}
