package com.yieldpilot.rules.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.yieldpilot.rules.lang.Mode;
import com.yieldpilot.rules.lang.RulePrinter;
import com.yieldpilot.rules.lang.RuleText;
import org.jspecify.annotations.Nullable;

/**
 * The visual builder: a form over a {@link RuleDraft}, with the rule's name and schedule,
 * its conditions as a tree, its actions and its options. The form edits the draft it was
 * given; the editor view turns the draft into text and back.
 */
class RuleBuilder extends VerticalLayout {

	private final BuilderChoices choices;

	private @Nullable RuleDraft draft;

	final TextField name = new TextField("Name");

	final TextField schedule = new TextField("Schedule");

	RuleBuilder(BuilderChoices choices) {
		this.choices = choices;
		setId("rule-builder");
		setPadding(false);
		this.name.setId("builder-name");
		this.name.setMaxLength(RuleText.MAX_NAME_LENGTH);
		this.name.setWidth("24em");
		this.schedule.setId("builder-schedule");
		this.schedule.setPlaceholder("every monday 09:00 UTC");
		this.schedule.setHelperText("Optional: when a time-triggered rule runs");
		this.schedule.setWidth("24em");
		this.name.addValueChangeListener(e -> {
			if (this.draft != null) {
				this.draft.name = e.getValue();
			}
		});
		this.schedule.addValueChangeListener(e -> {
			if (this.draft == null) {
				return;
			}
			try {
				this.draft.schedule = e.getValue().isBlank() ? null : Fragments.schedule(e.getValue());
				this.schedule.setInvalid(false);
			}
			catch (IllegalArgumentException ex) {
				this.schedule.setErrorMessage(ex.getMessage());
				this.schedule.setInvalid(true);
			}
		});
	}

	/** Shows the draft; edits change it in place. */
	void edit(RuleDraft draft) {
		this.draft = draft;
		removeAll();
		this.name.setValue(draft.name);
		this.schedule.setValue((draft.schedule != null) ? RulePrinter.print(draft.schedule) : "");
		add(new FormLayout(this.name, this.schedule), new H4("When"), new ConditionEditor(draft.when, this.choices),
				new H4("Then"), new ActionsEditor(draft.actions, this.choices), new H4("Options"), options(draft));
	}

	/** The draft being edited, or null before the first {@link #edit}. */
	@Nullable RuleDraft draft() {
		return this.draft;
	}

	private FormLayout options(RuleDraft draft) {
		TextField cooldown = Fields.duration("Cooldown", draft.options.cooldown(),
				d -> draft.options = draft.options.withCooldown(d));
		cooldown.setLabel("Cooldown");
		cooldown.addValueChangeListener(e -> {
			if (e.getValue().isBlank()) {
				cooldown.setInvalid(false);
				draft.options = draft.options.withCooldown(null);
			}
		});
		BigDecimalField maxGas = new BigDecimalField("Max gas (gwei)");
		maxGas.setValue(draft.options.maxGasGwei());
		maxGas.addValueChangeListener(e -> {
			try {
				draft.options = draft.options.withMaxGasGwei(e.getValue());
				maxGas.setInvalid(false);
			}
			catch (IllegalArgumentException ex) {
				maxGas.setErrorMessage(ex.getMessage());
				maxGas.setInvalid(true);
			}
		});
		Select<Mode> mode = new Select<>();
		mode.setLabel("Mode");
		mode.setId("builder-mode");
		mode.setItems(Mode.values());
		mode.setItemLabelGenerator(m -> (m != null) ? m.name().toLowerCase(java.util.Locale.ROOT) : "paper (default)");
		mode.setEmptySelectionAllowed(true);
		mode.setEmptySelectionCaption("paper (default)");
		mode.setValue(draft.options.mode());
		mode.addValueChangeListener(e -> draft.options = draft.options.withMode(e.getValue()));
		Checkbox approval = new Checkbox("Approval required", draft.options.approvalRequired());
		approval.addValueChangeListener(e -> draft.options = draft.options.withApprovalRequired(e.getValue()));
		IntegerField priority = new IntegerField("Priority (1–100)");
		priority.setValue(draft.options.priority());
		priority.setMin(1);
		priority.setMax(100);
		priority.addValueChangeListener(e -> {
			try {
				draft.options = draft.options.withPriority(e.getValue());
				priority.setInvalid(false);
			}
			catch (IllegalArgumentException ex) {
				priority.setErrorMessage(ex.getMessage());
				priority.setInvalid(true);
			}
		});
		TextField expires = new TextField("Expires (UTC)");
		expires.setPlaceholder("2026-12-31 or 2026-12-31T18:00:00Z");
		expires.setValue((draft.options.expires() != null) ? instant(draft.options.expires()) : "");
		expires.addValueChangeListener(e -> {
			try {
				draft.options = draft.options.withExpires(expires(e.getValue()));
				expires.setInvalid(false);
			}
			catch (DateTimeParseException ex) {
				expires.setErrorMessage("A date such as 2026-12-31 or a time such as 2026-12-31T18:00:00Z");
				expires.setInvalid(true);
			}
		});
		TextField every = Fields.duration("Evaluate every", draft.options.evaluateEvery(),
				d -> draft.options = draft.options.withEvaluateEvery(d));
		every.setLabel("Evaluate every");
		every.addValueChangeListener(e -> {
			if (e.getValue().isBlank()) {
				every.setInvalid(false);
				draft.options = draft.options.withEvaluateEvery(null);
			}
		});
		return new FormLayout(cooldown, maxGas, mode, approval, priority, expires, every);
	}

	private static @Nullable Instant expires(String text) {
		String value = text.strip();
		if (value.isEmpty()) {
			return null;
		}
		if (value.length() == 10) {
			return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		return Instant.parse(value.endsWith("Z") ? value : value + "Z");
	}

	private static String instant(Instant instant) {
		String text = instant.toString();
		return text.endsWith("T00:00:00Z") ? text.substring(0, 10) : text;
	}

}
