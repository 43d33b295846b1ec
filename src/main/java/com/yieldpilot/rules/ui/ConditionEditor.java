package com.yieldpilot.rules.ui;

import java.time.Duration;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.yieldpilot.rules.lang.ComparisonOperator;
import com.yieldpilot.rules.ui.ConditionDraft.Compare;
import com.yieldpilot.rules.ui.ConditionDraft.Group;
import com.yieldpilot.rules.ui.ConditionDraft.Held;
import com.yieldpilot.rules.ui.ConditionDraft.Negated;

/**
 * The builder's conditions: nested groups of which all or any must hold, each condition
 * with buttons to negate it, make it hold for a while, or remove it. Structural changes
 * draw the tree again; field changes edit the draft in place.
 */
class ConditionEditor extends Div {

	private static final Duration DEFAULT_HOLD = Duration.ofHours(1);

	private final Group root;

	private final BuilderChoices choices;

	ConditionEditor(Group root, BuilderChoices choices) {
		this.root = root;
		this.choices = choices;
		setId("builder-conditions");
		render();
	}

	private void render() {
		removeAll();
		add(group(this.root));
	}

	private Component group(Group group) {
		Div box = new Div();
		box.addClassName("condition-group");
		box.getStyle()
			.set("border-left", "3px solid var(--lumo-primary-color-50pct)")
			.set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
			.set("margin", "var(--lumo-space-xs) 0");
		Select<Group.Kind> kind = new Select<>();
		kind.setItems(Group.Kind.values());
		kind.setItemLabelGenerator(Group.Kind::label);
		kind.setValue(group.kind);
		kind.setAriaLabel("All or any");
		kind.setWidth("7em");
		kind.addClassName("group-kind");
		kind.addValueChangeListener(e -> group.kind = e.getValue());
		box.add(new HorizontalLayout(kind, new Span("of these hold:")));
		for (ConditionDraft child : group.children) {
			box.add(row(group, child));
		}
		Button addCondition = new Button("Add condition", e -> {
			group.addComparison("apy", "");
			render();
		});
		addCondition.addClassName("add-condition");
		Button addGroup = new Button("Add group", e -> {
			group.addGroup();
			render();
		});
		addGroup.addClassName("add-group");
		for (Button b : new Button[] { addCondition, addGroup }) {
			b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
		}
		box.add(new HorizontalLayout(addCondition, addGroup));
		return box;
	}

	/** A direct child of a group, with the buttons that change its place in the tree. */
	private Component row(Group parent, ConditionDraft child) {
		Button not = small((child instanceof Negated) ? "Remove not" : "Not", () -> parent.toggleNot(child));
		not.addClassName("toggle-not");
		Button held = small((child instanceof Held) ? "Remove for" : "For…",
				() -> parent.toggleHeld(child, DEFAULT_HOLD));
		held.addClassName("toggle-for");
		Button remove = small("Remove", () -> parent.remove(child));
		remove.addClassName("remove-condition");
		remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
		HorizontalLayout row = new HorizontalLayout(condition(child), not, held, remove);
		row.addClassName("condition-row");
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		row.getStyle().set("flex-wrap", "wrap");
		return row;
	}

	private Component condition(ConditionDraft condition) {
		return switch (condition) {
			case Group group -> group(group);
			case Negated negated -> new HorizontalLayout(new Span("not"), condition(negated.child));
			case Held held -> {
				HorizontalLayout line = new HorizontalLayout(condition(held.child), new Span("for"),
						Fields.duration("Held for", held.duration, d -> held.duration = d));
				line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
				yield line;
			}
			case Compare compare -> comparison(compare);
		};
	}

	private Component comparison(Compare compare) {
		Select<ComparisonOperator> operator = new Select<>();
		operator.setItems(ComparisonOperator.values());
		operator.setItemLabelGenerator(ComparisonOperator::symbol);
		operator.setValue(compare.operator);
		operator.setAriaLabel("Comparison");
		operator.setWidth("5em");
		operator.addClassName("operator");
		operator.addValueChangeListener(e -> compare.operator = e.getValue());
		HorizontalLayout line = new HorizontalLayout(
				new OperandEditor(compare.left, this.choices, o -> compare.left = o), operator,
				new OperandEditor(compare.right, this.choices, o -> compare.right = o));
		line.addClassName("comparison");
		line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		line.getStyle().set("flex-wrap", "wrap");
		return line;
	}

	private Button small(String label, Runnable change) {
		Button button = new Button(label, e -> {
			change.run();
			render();
		});
		button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
		return button;
	}

}
