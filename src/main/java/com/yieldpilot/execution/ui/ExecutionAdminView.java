package com.yieldpilot.execution.ui;

import java.time.Duration;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.yieldpilot.execution.DeferredExecution;
import com.yieldpilot.execution.Execution;
import com.yieldpilot.execution.ExecutionAdmin;
import com.yieldpilot.execution.ExecutorKeyStatus;
import com.yieldpilot.execution.Guardrails;
import jakarta.annotation.security.RolesAllowed;

/**
 * For admins: the executor keys (balance, our next nonce against the chain's, what is
 * unconfirmed), transactions not mined after {@value #STUCK_MINUTES} minutes, executions
 * that wait to be tried again and why, executions with an alert, and the kill switch that
 * pauses all execution.
 */
@Route("admin/execution")
@PageTitle("Execution · YieldPilot")
@Menu(order = 88, icon = "vaadin:cogs", title = "Execution")
@RolesAllowed("ADMIN")
class ExecutionAdminView extends VerticalLayout {

	static final int STUCK_MINUTES = 2;

	static final int LISTED = 100;

	private final ExecutionAdmin admin;

	private final KillSwitchControl killSwitch;

	final Grid<ExecutorKeyStatus> keys = new Grid<>();

	final Grid<Execution> stuck = new Grid<>();

	final Grid<DeferredExecution> deferred = new Grid<>();

	final Grid<Execution> alerts = new Grid<>();

	ExecutionAdminView(ExecutionAdmin admin, Guardrails guardrails) {
		this.admin = admin;
		this.killSwitch = new KillSwitchControl(guardrails);
		this.keys.setId("executor-keys");
		this.keys.addColumn(ExecutorKeyStatus::chainId).setHeader("Chain");
		this.keys.addColumn(ExecutorKeyStatus::address).setHeader("Address");
		this.keys.addColumn((k) -> (k.balanceWei() != null) ? ExecutionFormat.eth(k.balanceWei()) : "chain unreadable")
			.setHeader("Balance");
		this.keys.addColumn(ExecutorKeyStatus::nextNonce).setHeader("Next nonce");
		this.keys.addColumn((k) -> ExecutionFormat.text(k.chainNonce())).setHeader("Chain nonce");
		this.keys.addColumn(ExecutorKeyStatus::unconfirmed).setHeader("Unconfirmed");
		this.keys.addColumn((k) -> ExecutionFormat.time(k.oldestUnconfirmed())).setHeader("Oldest unconfirmed");
		this.keys.setEmptyStateText("No executor key has signed yet.");
		this.stuck.setId("stuck-executions");
		executionColumns(this.stuck);
		this.stuck.setEmptyStateText("No transaction waits longer than " + STUCK_MINUTES + " minutes.");
		this.deferred.setId("deferred-executions");
		this.deferred.addColumn((d) -> d.id().value().toString()).setHeader("Execution");
		this.deferred.addColumn(DeferredExecution::farmer).setHeader("Farmer");
		this.deferred.addColumn(DeferredExecution::ruleName).setHeader("Rule");
		this.deferred.addColumn((d) -> ExecutionFormat.text(d.reason())).setHeader("Why").setFlexGrow(1);
		this.deferred.addColumn((d) -> ExecutionFormat.time(d.retryAt())).setHeader("Retry at");
		this.deferred.setEmptyStateText("No execution waits to be tried again.");
		this.alerts.setId("execution-alerts");
		executionColumns(this.alerts);
		this.alerts.setEmptyStateText("No alerts.");
		List.of(this.keys, this.stuck, this.deferred, this.alerts).forEach((grid) -> {
			grid.setAllRowsVisible(true);
			grid.getColumns().forEach((c) -> c.setAutoWidth(true));
		});
		Button refresh = new Button("Refresh", (e) -> refresh());
		refresh.setId("execution-admin-refresh");
		refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		add(new HorizontalLayout(new H2("Execution"), refresh), this.killSwitch, new H3("Executor keys"), this.keys,
				new H3("Stuck: signed or sent over " + STUCK_MINUTES + " minutes ago, not final"), this.stuck,
				new H3("Deferred: waiting to be tried again"), this.deferred, new H3("Alerts"), this.alerts);
		setWidthFull();
		refresh();
	}

	private static void executionColumns(Grid<Execution> grid) {
		grid.addColumn((e) -> ExecutionFormat.time(e.updatedAt())).setHeader("Since");
		grid.addColumn(Execution::ruleName).setHeader("Rule");
		grid.addComponentColumn((e) -> ExecutionFormat.badge(e.state())).setHeader("State");
		grid.addColumn((e) -> ExecutionFormat.text(e.from())).setHeader("Key");
		grid.addColumn((e) -> ExecutionFormat.text(e.nonce())).setHeader("Nonce");
		grid.addColumn((e) -> ExecutionFormat.text(e.txHash())).setHeader("Transaction");
		grid.addColumn((e) -> ExecutionFormat.text(e.reason())).setHeader("Why").setFlexGrow(1);
	}

	private void refresh() {
		this.keys.setItems(this.admin.keys());
		this.stuck.setItems(this.admin.stuck(Duration.ofMinutes(STUCK_MINUTES)));
		this.deferred.setItems(this.admin.deferred(LISTED));
		this.alerts.setItems(this.admin.alerts(LISTED));
		this.killSwitch.refresh();
	}

}
