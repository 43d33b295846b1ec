package com.yieldpilot.execution.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.yieldpilot.execution.GuardrailDryRun;
import com.yieldpilot.execution.GuardrailProblem;
import com.yieldpilot.execution.GuardrailRejectedException;
import com.yieldpilot.execution.GuardrailSet;
import com.yieldpilot.execution.GuardrailVerdict;
import com.yieldpilot.rules.lang.Action;
import com.yieldpilot.rules.lang.Deposit;
import com.yieldpilot.rules.lang.Move;
import com.yieldpilot.rules.lang.Notify;
import com.yieldpilot.rules.lang.Withdraw;

/**
 * Edits a copy of a guardrail version's DRL files: check them (problems with file, line
 * and column), dry-run them against recent intents, save them as a new version. It takes
 * callbacks rather than the service, so it can be tried without one.
 */
class GuardrailEditor extends VerticalLayout {

	final Select<String> file = new Select<>();

	final TextArea drl = new TextArea("DRL");

	final TextField note = new TextField("Note for the new version");

	final Button check = new Button("Check");

	final Button dryRun = new Button("Dry run on recent intents");

	final Button save = new Button("Save as new version");

	final Div message = new Div();

	final UnorderedList problems = new UnorderedList();

	final Grid<GuardrailDryRun> results = new Grid<>();

	private final Map<String, String> draft = new LinkedHashMap<>();

	GuardrailEditor(Function<Map<String, String>, List<GuardrailProblem>> checker,
			Function<Map<String, String>, List<GuardrailDryRun>> dryRunner,
			BiFunction<Map<String, String>, String, GuardrailSet> saver, Consumer<GuardrailSet> saved) {
		this.file.setLabel("File");
		this.file.setId("guardrail-file");
		this.file.addValueChangeListener(e -> {
			if (e.getValue() != null) {
				this.drl.setValue(this.draft.getOrDefault(e.getValue(), ""));
			}
		});
		this.drl.setId("guardrail-drl");
		this.drl.setWidthFull();
		this.drl.setMinHeight("24em");
		this.drl.setMaxLength(GuardrailSet.MAX_FILE_LENGTH);
		this.drl.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
		this.drl.addValueChangeListener(e -> {
			if (this.file.getValue() != null) {
				this.draft.put(this.file.getValue(), e.getValue());
			}
		});
		this.note.setId("guardrail-note");
		this.note.setMaxLength(GuardrailSet.MAX_NOTE_LENGTH);
		this.note.setWidth("32em");
		this.check.setId("guardrail-check");
		this.check.addClickListener(e -> attempt(() -> showProblems(checker.apply(copy()))));
		this.dryRun.setId("guardrail-dry-run");
		this.dryRun.addClickListener(e -> attempt(() -> {
			List<GuardrailDryRun> runs = dryRunner.apply(copy());
			showProblems(List.of());
			this.results.setItems(runs);
			this.results.setVisible(true);
			this.message.setText(summary(runs));
		}));
		this.save.setId("guardrail-save");
		this.save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.save.addClickListener(e -> attempt(() -> {
			GuardrailSet set = saver.apply(copy(), this.note.getValue());
			showProblems(List.of());
			this.note.clear();
			this.message.setText("Saved as version " + set.version() + ". Activate it in the list above.");
			saved.accept(set);
		}));
		this.message.setId("guardrail-message");
		this.problems.setId("guardrail-problems");
		this.results.setId("guardrail-dry-run-results");
		this.results.addColumn(run -> run.intent().ruleName()).setHeader("Rule").setAutoWidth(true);
		this.results.addColumn(run -> run.intent().mode().name().toLowerCase(Locale.ROOT)).setHeader("Mode");
		this.results.addColumn(run -> actions(run.intent().actions())).setHeader("Actions").setFlexGrow(2);
		this.results.addColumn(run -> outcome(run.verdict())).setHeader("Would be").setAutoWidth(true);
		this.results.addColumn(run -> run.verdict().summary()).setHeader("Why").setFlexGrow(3);
		this.results.setAllRowsVisible(true);
		this.results.setVisible(false);
		add(new HorizontalLayout(this.file), this.drl, this.problems,
				new HorizontalLayout(this.check, this.dryRun, this.note, this.save), this.message, this.results);
		setPadding(false);
		setWidthFull();
	}

	/** Starts editing a copy of the version's files. */
	void load(GuardrailSet set) {
		this.draft.clear();
		this.draft.putAll(set.files());
		this.file.setItems(List.copyOf(this.draft.keySet()));
		this.file.setValue(this.draft.keySet().iterator().next());
		this.message.setText("Editing a copy of version " + set.version() + ".");
		showProblems(List.of());
		this.results.setVisible(false);
	}

	private Map<String, String> copy() {
		return new LinkedHashMap<>(this.draft);
	}

	private void attempt(Runnable action) {
		try {
			action.run();
		}
		catch (GuardrailRejectedException ex) {
			showProblems(ex.problems());
		}
		catch (IllegalArgumentException ex) {
			this.message.setText(ex.getMessage());
		}
	}

	private void showProblems(List<GuardrailProblem> found) {
		this.problems.removeAll();
		found.forEach(problem -> this.problems.add(new ListItem(problem.toString())));
		this.message.setText(found.isEmpty() ? "The guardrails compile."
				: found.size() + ((found.size() == 1) ? " problem" : " problems") + ": nothing was saved.");
	}

	private static String summary(List<GuardrailDryRun> runs) {
		long blocked = runs.stream().filter(r -> r.verdict().outcome() == GuardrailVerdict.Outcome.BLOCKED).count();
		long scaled = runs.stream().filter(r -> r.verdict().outcome() == GuardrailVerdict.Outcome.SCALED).count();
		return "Of the " + runs.size() + " most recent intents, these guardrails would block " + blocked
				+ " and scale down " + scaled + " (the kill switch aside).";
	}

	private static String outcome(GuardrailVerdict verdict) {
		return switch (verdict.outcome()) {
			case APPROVED -> "approved";
			case SCALED -> String.format(Locale.ROOT, "scaled to %.0f%%", verdict.scale() * 100);
			case BLOCKED -> "blocked";
		};
	}

	private static String actions(List<Action> actions) {
		return String.join("; ", actions.stream().map(GuardrailEditor::action).toList());
	}

	private static String action(Action action) {
		return switch (action) {
			case Move move -> "move from " + move.from() + " to " + move.to();
			case Withdraw withdraw -> "withdraw from " + withdraw.from();
			case Deposit deposit -> "deposit into " + deposit.into();
			case Notify notify -> "notify";
		};
	}

}
