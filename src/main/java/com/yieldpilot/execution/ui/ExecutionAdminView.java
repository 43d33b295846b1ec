package com.yieldpilot.execution.ui;

import java.time.Duration;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.yieldpilot.execution.Execution;
import com.yieldpilot.execution.ExecutionAdmin;
import com.yieldpilot.execution.ExecutorKeyStatus;
import com.yieldpilot.execution.Guardrails;
import com.yieldpilot.execution.KillSwitch;
import jakarta.annotation.security.RolesAllowed;

/**
 * For admins: the executor keys (balance, our next nonce against the chain's, what is
 * unconfirmed), transactions not mined after {@value #STUCK_MINUTES} minutes, executions
 * with an alert, and pausing all execution: the kill switch, engaged with a reason and a
 * confirmation.
 */
@Route("admin/execution")
@PageTitle("Execution · YieldPilot")
@Menu(order = 88, icon = "vaadin:cogs", title = "Execution")
@RolesAllowed("ADMIN")
class ExecutionAdminView extends VerticalLayout {

	static final int STUCK_MINUTES = 2;

	static final int ALERTS = 100;

	private final ExecutionAdmin admin;

	private final Guardrails guardrails;

	final Grid<ExecutorKeyStatus> keys = new Grid<>();

	final Grid<Execution> stuck = new Grid<>();

	final Grid<Execution> alerts = new Grid<>();

	private final Paragraph paused = new Paragraph();

	final TextField reason = new TextField("Why");

	final Button pause = new Button();

	ExecutionAdminView(ExecutionAdmin admin, Guardrails guardrails) {
		this.admin = admin;
		this.guardrails = guardrails;
		this.paused.setId("execution-paused");
		this.reason.setId("execution-pause-reason");
		this.reason.setMaxLength(KillSwitch.MAX_REASON_LENGTH);
		this.reason.setWidth("32em");
		this.reason.setHelperText("Farmers read it on every action it holds back.");
		this.pause.setId("execution-pause");
		this.pause.addClickListener((e) -> confirm());
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
		this.alerts.setId("execution-alerts");
		executionColumns(this.alerts);
		this.alerts.setEmptyStateText("No alerts.");
		List.of(this.keys, this.stuck, this.alerts).forEach((grid) -> {
			grid.setAllRowsVisible(true);
			grid.getColumns().forEach((c) -> c.setAutoWidth(true));
		});
		Button refresh = new Button("Refresh", (e) -> refresh());
		refresh.setId("execution-admin-refresh");
		refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		add(new HorizontalLayout(new H2("Execution"), refresh), this.paused, new HorizontalLayout(this.reason),
				this.pause, new H3("Executor keys"), this.keys,
				new H3("Stuck: signed or sent over " + STUCK_MINUTES + " minutes ago, not final"), this.stuck,
				new H3("Alerts"), this.alerts);
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
		this.alerts.setItems(this.admin.alerts(ALERTS));
		show(this.guardrails.killSwitch());
	}

	private void confirm() {
		boolean engage = !this.guardrails.killSwitch().engaged();
		if (engage && this.reason.getValue().isBlank()) {
			this.reason.setInvalid(true);
			this.reason.setErrorMessage("Say why you pause all execution: farmers read it.");
			return;
		}
		ConfirmDialog dialog = new ConfirmDialog(engage ? "Pause all execution?" : "Resume execution?",
				engage ? "Nothing new is signed and every action that moves funds is held back until an admin "
						+ "resumes. Transactions already sent are still followed to confirmation."
						: "Actions pass the guardrails and run again from the next one on.",
				engage ? "Pause now" : "Resume now", (e) -> flip(engage));
		dialog.setCancelable(true);
		dialog.setId("execution-pause-confirm");
		if (engage) {
			dialog.setConfirmButtonTheme("error primary");
		}
		dialog.open();
	}

	private void flip(boolean engage) {
		try {
			KillSwitch now = this.guardrails.setKillSwitch(engage, this.reason.getValue());
			this.reason.clear();
			this.reason.setInvalid(false);
			Notification.show(now.engaged() ? "All execution is paused." : "Execution resumed.");
			show(now);
		}
		catch (IllegalArgumentException ex) {
			this.reason.setInvalid(true);
			this.reason.setErrorMessage(ex.getMessage());
		}
	}

	private void show(KillSwitch killSwitch) {
		String since = (killSwitch.changedAt() != null) ? " since " + ExecutionFormat.time(killSwitch.changedAt()) : "";
		this.paused.setText(killSwitch.engaged() ? "Paused" + since + ": " + killSwitch.reason() + "."
				: "Running" + since + ": actions that pass the guardrails are executed.");
		this.pause.setText(killSwitch.engaged() ? "Resume execution" : "Pause all execution");
		this.pause.removeThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
		if (!killSwitch.engaged()) {
			this.pause.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
		}
		this.reason.setLabel(killSwitch.engaged() ? "Why it can resume (optional)" : "Why");
	}

}
