package com.yieldpilot.execution.ui;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.yieldpilot.execution.Execution;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.Executions;
import com.yieldpilot.identity.CurrentUser;
import jakarta.annotation.security.RolesAllowed;

/**
 * The farmer's executions, newest first, optionally in one state: what each did, where it
 * stands, its transaction and what it cost. A row opens the execution's steps. The newest
 * {@value #LIMIT} are shown; the API pages further back.
 */
@Route("executions")
@PageTitle("Executions · YieldPilot")
@Menu(order = 22, icon = "vaadin:exchange", title = "Executions")
@RolesAllowed("FARMER")
class ExecutionHistoryView extends VerticalLayout {

	static final int LIMIT = 200;

	private final Executions executions;

	private final CurrentUser user;

	final Select<ExecutionState> filter = new Select<>();

	final Grid<Execution> grid = new Grid<>();

	private final Paragraph more = new Paragraph("Showing the newest " + LIMIT + ".");

	ExecutionHistoryView(Executions executions, CurrentUser user) {
		this.executions = executions;
		this.user = user;
		this.filter.setId("execution-state-filter");
		this.filter.setLabel("State");
		this.filter.setItems(ExecutionState.values());
		this.filter.setEmptySelectionAllowed(true);
		this.filter.setEmptySelectionCaption("All states");
		this.filter.setItemLabelGenerator((s) -> (s != null) ? ExecutionFormat.state(s) : "All states");
		this.filter.addValueChangeListener((e) -> refresh());
		this.grid.setId("execution-history");
		this.grid.addColumn((e) -> ExecutionFormat.time(e.createdAt())).setHeader("Time");
		this.grid.addColumn(Execution::ruleName).setHeader("Rule");
		this.grid.addColumn((e) -> ExecutionFormat.text(e.summary())).setHeader("Summary").setFlexGrow(1);
		this.grid.addComponentColumn((e) -> ExecutionFormat.badge(e.state())).setHeader("State");
		this.grid.addColumn((e) -> ExecutionFormat.text(e.txHash())).setHeader("Transaction");
		this.grid.addColumn((e) -> ExecutionFormat.text(e.gasUsed())).setHeader("Gas used");
		this.grid.addColumn((e) -> ExecutionFormat.eth(e.costWei())).setHeader("Cost");
		this.grid.getColumns().forEach((c) -> c.setAutoWidth(true));
		this.grid.setEmptyStateText("No executions yet: they appear when one of your rules fires.");
		this.grid.addItemClickListener((e) -> getUI().ifPresent((ui) -> ui.navigate(ExecutionDetailView.class,
				new RouteParameters(ExecutionDetailView.ID, e.getItem().id().toString()))));
		this.more.setId("execution-history-more");
		add(new H2("Executions"), this.filter, this.grid, this.more);
		setSizeFull();
		refresh();
	}

	private void refresh() {
		List<Execution> rows = this.executions.list(this.user.id(), this.filter.getValue(), LIMIT);
		this.grid.setItems(rows);
		this.more.setVisible(rows.size() == LIMIT);
	}

}
