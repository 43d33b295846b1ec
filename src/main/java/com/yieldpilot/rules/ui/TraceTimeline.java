package com.yieldpilot.rules.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.RuleTrace;
import com.yieldpilot.rules.RuleTraces;
import com.yieldpilot.rules.TraceOutcome;

/**
 * A rule's traces, newest first: when, what happened and why, and each condition with the
 * values it read, their source and time. Older traces load a page at a time.
 */
class TraceTimeline extends VerticalLayout {

	static final int PAGE = 20;

	private final RuleTraces traces;

	private final VerticalLayout entries = new VerticalLayout();

	private final Button older = new Button("Older");

	private RuleId rule = RuleId.random();

	private long oldest;

	TraceTimeline(RuleTraces traces) {
		this.traces = traces;
		setId("rule-traces");
		setPadding(false);
		this.entries.setPadding(false);
		this.older.setId("traces-older");
		this.older.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		this.older.addClickListener(e -> load(this.oldest));
		add(this.entries, this.older);
	}

	void show(RuleId rule) {
		this.rule = rule;
		this.entries.removeAll();
		load(null);
		if (this.entries.getComponentCount() == 0) {
			this.entries.add(new Paragraph("Nothing yet: a trace appears each time the rule's conditions change."));
		}
	}

	private void load(@org.jspecify.annotations.Nullable Long before) {
		List<RuleTrace> page = this.traces.traces(this.rule, PAGE, before);
		page.forEach(t -> this.entries.add(entry(t)));
		if (!page.isEmpty()) {
			this.oldest = page.getLast().id();
		}
		this.older.setVisible(page.size() == PAGE);
	}

	private static Component entry(RuleTrace trace) {
		Div entry = new Div();
		entry.addClassName("trace");
		entry.addClassName("trace-" + trace.outcome().name().toLowerCase(Locale.ROOT));
		entry.getStyle()
			.set("border-left", "3px solid " + colour(trace.outcome()))
			.set("padding", "var(--lumo-space-xs) var(--lumo-space-m)");
		Span outcome = new Span(trace.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
		outcome.getElement().getThemeList().add("badge");
		outcome.addClassName("trace-outcome");
		Div head = new Div(new Span(Times.format(trace.at()) + " · version " + trace.version() + " · "), outcome,
				new Span(" " + trace.reason()));
		entry.add(head);
		for (RuleTrace.ConditionResult condition : trace.conditions()) {
			Div line = new Div(new Span(condition.condition() + " → " + condition.result()));
			line.addClassName("trace-condition");
			line.getStyle().set("font-family", "ui-monospace, monospace").set("margin-left", "var(--lumo-space-m)");
			for (RuleTrace.Evidence evidence : condition.values()) {
				Div value = new Div(new Span(evidence.term() + " = "
						+ ((evidence.value() != null) ? evidence.value().toPlainString() : "missing")
						+ ((evidence.source() != null) ? " from " + evidence.source() : "")
						+ ((evidence.observedAt() != null) ? " at " + Times.format(evidence.observedAt()) : "")
						+ (evidence.stale() ? " (stale)" : "")));
				value.addClassName("trace-value");
				value.getStyle()
					.set("margin-left", "var(--lumo-space-l)")
					.set("color", "var(--lumo-secondary-text-color)");
				line.add(value);
			}
			entry.add(line);
		}
		return entry;
	}

	private static String colour(TraceOutcome outcome) {
		return switch (outcome) {
			case FIRED, ACCEPTED, COMPLETED -> "var(--lumo-success-color)";
			case BLOCKED, FAILED, PLAN_LIMIT -> "var(--lumo-error-color)";
			default -> "var(--lumo-contrast-30pct)";
		};
	}

}
