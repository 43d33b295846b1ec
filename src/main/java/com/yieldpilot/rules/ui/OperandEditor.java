package com.yieldpilot.rules.ui;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.yieldpilot.rules.lang.LiteralUnit;
import com.yieldpilot.rules.lang.WindowFunction;
import com.yieldpilot.rules.ui.OperandDraft.FormulaOperand;
import com.yieldpilot.rules.ui.OperandDraft.MetricOperand;
import com.yieldpilot.rules.ui.OperandDraft.ValueOperand;

/**
 * One side of a comparison in the builder: a metric picked from the catalog with what it
 * is read for and an optional window, a value with its unit, or a formula as text. Every
 * change hands the new operand to the comparison.
 */
class OperandEditor extends HorizontalLayout {

	enum Kind {

		METRIC, VALUE, FORMULA;

		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final BuilderChoices choices;

	private final Consumer<OperandDraft> onChange;

	private final Select<Kind> kind = new Select<>();

	private OperandDraft operand;

	OperandEditor(OperandDraft operand, BuilderChoices choices, Consumer<OperandDraft> onChange) {
		this.operand = operand;
		this.choices = choices;
		this.onChange = onChange;
		addClassName("operand");
		setSpacing(false);
		getStyle().set("gap", "var(--lumo-space-xs)");
		setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		this.kind.setItems(Kind.values());
		this.kind.setItemLabelGenerator(Kind::label);
		this.kind.setWidth("7.5em");
		this.kind.setAriaLabel("Kind of value");
		this.kind.setValue(kindOf(operand));
		this.kind.addValueChangeListener(e -> {
			if (e.isFromClient() && e.getValue() != null) {
				change(fresh(e.getValue()));
				render();
			}
		});
		render();
	}

	private void render() {
		removeAll();
		add(this.kind);
		switch (this.operand) {
			case MetricOperand metric -> renderMetric(metric);
			case ValueOperand value -> renderValue(value);
			case FormulaOperand formula -> renderFormula(formula);
		}
	}

	private void renderMetric(MetricOperand metric) {
		Select<WindowFunction> window = new Select<>();
		window.setItems(WindowFunction.values());
		window.setItemLabelGenerator(w -> (w != null) ? w.keyword() : "now");
		window.setEmptySelectionAllowed(true);
		window.setEmptySelectionCaption("now");
		window.setAriaLabel("Window");
		window.setWidth("8em");
		window.setValue(metric.window());
		Select<String> name = new Select<>();
		name.setItems(this.choices.metrics());
		name.setValue(metric.metric());
		name.setAriaLabel("Metric");
		name.setWidth("9em");
		name.addClassName("metric-name");
		ComboBox<String> subject = new ComboBox<>();
		subject.setItems(q -> this.choices.subjects(q.getFilter().orElse(""), q.getOffset(), q.getLimit()));
		subject.setAllowCustomValue(true);
		subject.addCustomValueSetListener(e -> subject.setValue(e.getDetail()));
		subject.setValue(metric.subject());
		subject.setAriaLabel("Read for");
		subject.setPlaceholder("pool, chain or asset");
		subject.setWidth("16em");
		subject.addClassName("metric-subject");
		TextField period = Fields.duration("Period", metric.period(), d -> change(current(window, name, subject, d)));
		period.setVisible(metric.window() != null);
		period.setWidth("5em");
		window.addValueChangeListener(e -> {
			period.setVisible(e.getValue() != null);
			change(current(window, name, subject, Fields.durationOrNull(period)));
		});
		name.addValueChangeListener(e -> change(current(window, name, subject, Fields.durationOrNull(period))));
		subject.addValueChangeListener(e -> change(current(window, name, subject, Fields.durationOrNull(period))));
		add(window, name, subject, period);
	}

	private static MetricOperand current(Select<WindowFunction> window, Select<String> name, ComboBox<String> subject,
			java.time.@org.jspecify.annotations.Nullable Duration period) {
		return new MetricOperand(window.getValue(), (name.getValue() != null) ? name.getValue() : "apy",
				(subject.getValue() != null) ? subject.getValue() : "", period);
	}

	private void renderValue(ValueOperand value) {
		BigDecimalField number = new BigDecimalField();
		number.setValue(value.signed());
		number.setAriaLabel("Value");
		number.setWidth("7em");
		number.addClassName("operand-value");
		Select<LiteralUnit> unit = new Select<>();
		unit.setItems(LiteralUnit.values());
		unit.setItemLabelGenerator(OperandEditor::unitLabel);
		unit.setValue(value.unit());
		unit.setAriaLabel("Unit");
		unit.setWidth("7em");
		unit.addClassName("operand-unit");
		Runnable update = () -> {
			BigDecimal v = number.getValue();
			number.setInvalid(v == null);
			number.setErrorMessage((v == null) ? "Enter a number" : null);
			if (v != null && unit.getValue() != null) {
				change(new ValueOperand(false, v, unit.getValue()));
			}
		};
		number.addValueChangeListener(e -> update.run());
		unit.addValueChangeListener(e -> update.run());
		add(number, unit);
	}

	private void renderFormula(FormulaOperand formula) {
		TextField text = new TextField();
		text.setValue(formula.text());
		text.setAriaLabel("Formula");
		text.setWidth("22em");
		text.addClassName("operand-formula");
		text.addValueChangeListener(e -> {
			try {
				Fragments.expression(e.getValue());
				text.setInvalid(false);
				change(new FormulaOperand(e.getValue().strip()));
			}
			catch (IllegalArgumentException ex) {
				text.setErrorMessage(ex.getMessage());
				text.setInvalid(true);
			}
		});
		add(text);
	}

	private void change(OperandDraft changed) {
		this.operand = changed;
		this.onChange.accept(changed);
	}

	private OperandDraft fresh(Kind kind) {
		return switch (kind) {
			case METRIC -> new MetricOperand(null, "apy", "", null);
			case VALUE -> new ValueOperand(false, BigDecimal.ZERO, LiteralUnit.PERCENT);
			case FORMULA -> new FormulaOperand(com.yieldpilot.rules.lang.RulePrinter.print(safe(this.operand)));
		};
	}

	private static com.yieldpilot.rules.lang.Expression safe(OperandDraft operand) {
		try {
			return operand.toExpression();
		}
		catch (IllegalArgumentException ex) {
			return com.yieldpilot.rules.lang.Literal.of("0", LiteralUnit.PERCENT);
		}
	}

	private static Kind kindOf(OperandDraft operand) {
		return switch (operand) {
			case MetricOperand m -> Kind.METRIC;
			case ValueOperand v -> Kind.VALUE;
			case FormulaOperand f -> Kind.FORMULA;
		};
	}

	static String unitLabel(LiteralUnit unit) {
		return switch (unit) {
			case NUMBER -> "number";
			case PERCENT -> "%";
			case BPS -> "bps";
			case USD -> "USD";
			case GWEI -> "gwei";
		};
	}

}
