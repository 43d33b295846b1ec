package com.yieldpilot.rules.ui;

import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.yieldpilot.rules.RuleBook;
import com.yieldpilot.rules.RuleStatus;
import com.yieldpilot.rules.RuleSummary;
import jakarta.annotation.security.RolesAllowed;

/**
 * The farmer's rules with their status, mode, version, and when each last fired and was
 * last evaluated; a new rule, and enabling or disabling one in place. The plan bounds how
 * many rules a farmer has, so the list is read whole.
 */
@Route("rules")
@PageTitle("My rules · YieldPilot")
@Menu(order = 20, icon = "vaadin:flash", title = "My rules")
@RolesAllowed("FARMER")
class MyRulesView extends VerticalLayout {

	private final RuleBook book;

	final Grid<RuleSummary> grid = new Grid<>();

	MyRulesView(RuleBook book) {
		this.book = book;
		this.grid.setId("my-rules");
		this.grid.addComponentColumn(MyRulesView::name).setHeader("Rule").setFlexGrow(1);
		this.grid.addColumn(r -> r.status().name().toLowerCase(Locale.ROOT)).setHeader("Status");
		this.grid.addColumn(r -> r.mode().name().toLowerCase(Locale.ROOT)).setHeader("Mode");
		this.grid.addColumn(RuleSummary::version).setHeader("Version");
		this.grid.addColumn(r -> Times.format(r.lastFired())).setHeader("Last fired");
		this.grid.addColumn(r -> Times.format(r.lastEvaluated())).setHeader("Last evaluated");
		this.grid.addComponentColumn(this::toggle).setHeader("");
		this.grid.getColumns().forEach(c -> c.setAutoWidth(true));
		this.grid.setEmptyStateText("No rules yet: create one, or start from a template.");
		Button create = new Button("New rule", e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("rules/new")));
		create.setId("new-rule");
		create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		add(new H2("My rules"), create, this.grid);
		setSizeFull();
		refresh();
	}

	private void refresh() {
		this.grid.setItems(this.book.list());
	}

	private static Component name(RuleSummary rule) {
		RouterLink link = new RouterLink(rule.name(), RuleDetailView.class, RuleDetailView.parameters(rule.id()));
		link.addClassName("rule-link");
		return link;
	}

	private Button toggle(RuleSummary rule) {
		boolean enabled = rule.status() == RuleStatus.ENABLED;
		Button button = new Button(enabled ? "Disable" : "Enable", e -> {
			if (enabled) {
				this.book.disable(rule.id());
			}
			else {
				this.book.enable(rule.id());
			}
			refresh();
		});
		button.addClassName("rule-toggle");
		button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
		return button;
	}

}
