package com.yieldpilot.rules.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.yieldpilot.rules.lang.RuleText;
import com.yieldpilot.rules.ui.ActionDraft.Kind;

/**
 * The builder's actions, in the order they run: each editable, removable, and more added.
 */
class ActionsEditor extends Div {

	private final List<ActionDraft> actions;

	private final BuilderChoices choices;

	ActionsEditor(List<ActionDraft> actions, BuilderChoices choices) {
		this.actions = actions;
		this.choices = choices;
		setId("builder-actions");
		render();
	}

	private void render() {
		removeAll();
		for (ActionDraft action : this.actions) {
			add(row(action));
		}
		Button add = new Button("Add action", e -> {
			this.actions.add(ActionDraft.newMove(""));
			render();
		});
		add.addClassName("add-action");
		add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
		add(add);
	}

	private Component row(ActionDraft action) {
		Select<Kind> kind = new Select<>();
		kind.setItems(Kind.values());
		kind.setItemLabelGenerator(Kind::keyword);
		kind.setValue(action.kind);
		kind.setAriaLabel("Action");
		kind.setWidth("8em");
		kind.addClassName("action-kind");
		kind.addValueChangeListener(e -> {
			action.kind = e.getValue();
			render();
		});
		HorizontalLayout row = new HorizontalLayout(kind);
		row.addClassName("action-row");
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		row.getStyle().set("flex-wrap", "wrap");
		if (action.kind == Kind.NOTIFY) {
			TextField message = new TextField();
			message.setAriaLabel("Message");
			message.setValue(action.message);
			message.setMaxLength(RuleText.MAX_MESSAGE_LENGTH);
			message.setWidth("28em");
			message.addClassName("action-message");
			message.addValueChangeListener(e -> action.message = e.getValue());
			row.add(message);
		}
		else {
			BigDecimalField amount = new BigDecimalField();
			amount.setAriaLabel("Amount");
			amount.setValue(action.amount);
			amount.setWidth("7em");
			amount.addClassName("action-amount");
			amount.addValueChangeListener(e -> action.amount = e.getValue());
			ComboBox<String> unit = units(action.unit, u -> action.unit = u, "Unit");
			String preposition = switch (action.kind) {
				case MOVE, WITHDRAW -> "from";
				default -> "into";
			};
			row.add(amount, unit, new Span(preposition), pool(action.pool, p -> action.pool = p, "Pool"));
			if (action.kind == Kind.MOVE) {
				BigDecimalField limit = new BigDecimalField();
				limit.setAriaLabel("Limit");
				limit.setPlaceholder("no limit");
				limit.setValue(action.limit);
				limit.setWidth("7em");
				limit.addValueChangeListener(e -> action.limit = e.getValue());
				row.add(new Span("to"), pool(action.to, p -> action.to = p, "To pool"), new Span("max"), limit,
						units(action.limitUnit, u -> action.limitUnit = u, "Limit unit"));
			}
		}
		Button remove = new Button("Remove", e -> {
			this.actions.remove(action);
			render();
		});
		remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
		row.add(remove);
		return row;
	}

	private ComboBox<String> pool(String value, java.util.function.Consumer<String> onChange, String label) {
		ComboBox<String> pool = new ComboBox<>();
		pool.setItems(q -> this.choices.pools(q.getFilter().orElse(""), q.getOffset(), q.getLimit()));
		pool.setAllowCustomValue(true);
		pool.addCustomValueSetListener(e -> pool.setValue(e.getDetail()));
		pool.setValue(value);
		pool.setAriaLabel(label);
		pool.setPlaceholder("pool");
		pool.setWidth("16em");
		pool.addValueChangeListener(e -> onChange.accept((e.getValue() != null) ? e.getValue() : ""));
		return pool;
	}

	private ComboBox<String> units(String value, java.util.function.Consumer<String> onChange, String label) {
		ComboBox<String> unit = new ComboBox<>();
		List<String> items = new java.util.ArrayList<>(List.of(ActionDraft.SHARE, ActionDraft.USD));
		items.addAll(this.choices.tokens());
		if (!value.isEmpty() && !items.contains(value)) {
			items.add(value);
		}
		unit.setItems(items);
		unit.setAllowCustomValue(true);
		unit.addCustomValueSetListener(e -> unit.setValue(e.getDetail()));
		unit.setValue(value.isEmpty() ? null : value);
		unit.setAriaLabel(label);
		unit.setWidth("6.5em");
		unit.addValueChangeListener(e -> onChange.accept((e.getValue() != null) ? e.getValue() : ""));
		return unit;
	}

}
