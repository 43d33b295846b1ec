package com.yieldpilot.execution.ui;

import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.yieldpilot.execution.ApprovalRefusedException;
import com.yieldpilot.execution.Execution;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.Executions;
import com.yieldpilot.identity.CurrentUser;
import com.yieldpilot.identity.UserId;
import jakarta.annotation.security.RolesAllowed;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The farmer's approvals inbox: live actions of rules with {@code approval required} that
 * wait for a yes or no before their expiry. Approving runs the action at once; rejecting
 * moves nothing. One decided elsewhere meanwhile (another tab, the API, the expiry) says
 * so and leaves the inbox as it now is. An approved action is planned, simulated, signed
 * and sent off the UI thread; the result arrives by push.
 */
@Route("approvals")
@PageTitle("Approvals · YieldPilot")
@Menu(order = 21, icon = "vaadin:inbox", title = "Approvals")
@RolesAllowed("FARMER")
class ApprovalsView extends VerticalLayout {

	private final Executions executions;

	private final CurrentUser user;

	private final Executor background;

	final Grid<Execution> grid = new Grid<>();

	ApprovalsView(Executions executions, CurrentUser user, @Qualifier("applicationTaskExecutor") Executor background) {
		this.executions = executions;
		this.user = user;
		this.background = background;
		this.grid.setId("approvals");
		this.grid.addColumn(Execution::ruleName).setHeader("Rule").setAutoWidth(true);
		this.grid.addComponentColumn(ApprovalsView::summary).setHeader("Action").setFlexGrow(1);
		this.grid.addColumn((e) -> ExecutionFormat.time(e.createdAt())).setHeader("Waiting since").setAutoWidth(true);
		this.grid.addColumn((e) -> ExecutionFormat.time(e.expiresAt())).setHeader("Expires").setAutoWidth(true);
		this.grid.addComponentColumn(this::decisions).setHeader("").setAutoWidth(true);
		this.grid.setEmptyStateText("Nothing waits for your approval.");
		add(new H2("Approvals"),
				new Paragraph("Rules with \"approval required\" wait here before they move funds. "
						+ "Approving runs the action at once; rejecting moves nothing. "
						+ "An action you do not decide before it expires is not run."),
				this.grid);
		setSizeFull();
		refresh();
	}

	private void refresh() {
		this.grid.setItems(
				this.executions.list(this.user.id(), ExecutionState.AWAITING_APPROVAL, ExecutionHistoryView.LIMIT));
	}

	private static Component summary(Execution execution) {
		return new RouterLink((execution.summary() != null) ? execution.summary() : "action " + execution.actionIndex(),
				ExecutionDetailView.class, new RouteParameters(ExecutionDetailView.ID, execution.id().toString()));
	}

	private Component decisions(Execution execution) {
		Button approve = new Button("Approve");
		approve.setId("approve-" + execution.id());
		approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
		Button reject = new Button("Reject");
		reject.setId("reject-" + execution.id());
		reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
		approve.addClickListener((e) -> {
			approve.setEnabled(false);
			reject.setEnabled(false);
			approve.setText("Approving…");
			approve(execution.id());
		});
		reject.addClickListener((e) -> {
			try {
				show(this.executions.reject(this.user.id(), execution.id()), "Rejected");
			}
			catch (IllegalStateException | NoSuchElementException ex) {
				undecidable();
			}
			refresh();
		});
		return new HorizontalLayout(approve, reject);
	}

	private void approve(ExecutionId id) {
		UI ui = UI.getCurrent();
		UserId owner = this.user.id();
		CompletableFuture.supplyAsync(() -> this.executions.approve(owner, id), this.background)
			.whenComplete((done, failure) -> {
				try {
					ui.access(() -> {
						Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
						if (cause == null) {
							show(done, "Approved");
						}
						else if (cause instanceof ApprovalRefusedException refused) {
							Notification waits = Notification.show(refused.getMessage() + ".");
							waits.setId("approval-message");
							waits.addThemeVariants(NotificationVariant.LUMO_WARNING);
						}
						else if (cause instanceof IllegalStateException || cause instanceof NoSuchElementException) {
							undecidable();
						}
						else {
							Notification failed = Notification.show("Approved, but its run stopped: "
									+ cause.getMessage() + ". Its steps in your executions show where it stands.");
							failed.setId("approval-message");
							failed.addThemeVariants(NotificationVariant.LUMO_ERROR);
						}
						refresh();
					});
				}
				catch (UIDetachedException ex) {
					// the farmer left; the history shows the outcome
				}
			});
	}

	private static void show(Execution now, String done) {
		Notification
			.show(done + ": " + ExecutionFormat.text(now.summary()) + " is now " + ExecutionFormat.state(now.state())
					+ ".")
			.setId("approval-message");
	}

	private static void undecidable() {
		Notification failed = Notification
			.show("It no longer waits for approval: it expired or was decided elsewhere. The inbox is up to date now.");
		failed.setId("approval-message");
		failed.addThemeVariants(NotificationVariant.LUMO_WARNING);
	}

}
