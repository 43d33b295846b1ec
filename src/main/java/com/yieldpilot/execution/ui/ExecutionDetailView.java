package com.yieldpilot.execution.ui;

import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.yieldpilot.execution.Execution;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionResult;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.ExecutionStep;
import com.yieldpilot.execution.Executions;
import com.yieldpilot.identity.CurrentUser;
import jakarta.annotation.security.RolesAllowed;

/**
 * One execution: every step it passed with its time and detail, where it stands on chain
 * (on-chain id, nonce, transaction, block, gas, cost), and a link to the trace of the
 * rule that fired it. Another farmer's execution is not found.
 */
@Route("executions/:" + ExecutionDetailView.ID)
@RolesAllowed("FARMER")
class ExecutionDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	static final String ID = "id";

	private final Executions executions;

	private final CurrentUser user;

	private String title = "Execution · YieldPilot";

	ExecutionDetailView(Executions executions, CurrentUser user) {
		this.executions = executions;
		this.user = user;
		setId("execution-detail");
		setWidthFull();
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		String id = event.getRouteParameters().get(ID).orElse("");
		removeAll();
		find(id).ifPresentOrElse(this::show, () -> {
			this.title = "Execution not found · YieldPilot";
			Paragraph missing = new Paragraph("You have no execution " + id + ".");
			missing.setId("execution-not-found");
			add(new H2("Execution not found"), missing,
					new RouterLink("All your executions", ExecutionHistoryView.class));
		});
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

	private Optional<Execution> find(String id) {
		try {
			return this.executions.find(this.user.id(), new ExecutionId(UUID.fromString(id)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private void show(Execution execution) {
		this.title = execution.ruleName() + " execution · YieldPilot";
		H2 heading = new H2((execution.summary() != null) ? execution.summary() : execution.ruleName());
		heading.setId("execution-summary");
		// the rule screens live in the rules module; its detail route is rules/{id}
		Anchor trace = new Anchor("rules/" + execution.rule(), "Why it fired: the trace of " + execution.ruleName());
		trace.setId("execution-rule-trace");
		FormLayout facts = new FormLayout();
		facts.setId("execution-facts");
		facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
		facts.addFormItem(ExecutionFormat.badge(execution.state()), "State");
		facts.addFormItem(value(execution.mode().name().toLowerCase(java.util.Locale.ROOT)), "Mode");
		if (execution.reason() != null) {
			facts.addFormItem(value(execution.reason(), "execution-reason"), "Why");
		}
		if (execution.state() == ExecutionState.AWAITING_APPROVAL) {
			facts.addFormItem(new RouterLink("Approve or reject it in your inbox", ApprovalsView.class),
					"Expires " + ExecutionFormat.time(execution.expiresAt()));
		}
		facts.addFormItem(value(execution.onchainId(), "execution-onchain-id"), "On-chain id");
		facts.addFormItem(value(ExecutionFormat.text(execution.chainId())), "Chain");
		facts.addFormItem(value(ExecutionFormat.text(execution.vault())), "Vault");
		facts.addFormItem(value(ExecutionFormat.text(execution.nonce()), "execution-nonce"), "Nonce");
		facts.addFormItem(value(ExecutionFormat.text(execution.txHash()), "execution-tx"), "Transaction");
		facts.addFormItem(value(ExecutionFormat.text(execution.blockNumber()), "execution-block"), "Block");
		facts.addFormItem(value(ExecutionFormat.text(execution.gasUsed())), "Gas used");
		facts.addFormItem(value(ExecutionFormat.eth(execution.costWei())), "Cost");
		facts.addFormItem(value(ExecutionFormat.time(execution.createdAt())), "Created");
		Grid<ExecutionStep> steps = new Grid<>();
		steps.setId("execution-steps");
		steps.addComponentColumn((s) -> ExecutionFormat.badge(s.state())).setHeader("Step").setAutoWidth(true);
		steps.addColumn((s) -> ExecutionFormat.time(s.at())).setHeader("At").setAutoWidth(true);
		steps.addColumn((s) -> ExecutionFormat.text(s.detail())).setHeader("Detail").setFlexGrow(1);
		steps.setItems(execution.steps());
		steps.setAllRowsVisible(true);
		add(heading, new Span(execution.ruleName()), trace, facts);
		if (execution.result() != null) {
			add(new H3("The vault after it"), result(execution.result()));
		}
		add(new H3("Steps"), steps, new RouterLink("All your executions", ExecutionHistoryView.class));
	}

	private static Component result(ExecutionResult result) {
		Grid<ExecutionResult.Holding> holdings = new Grid<>();
		holdings.setId("execution-result");
		holdings.addColumn((h) -> (h.pool() != null) ? h.pool() : h.target()).setHeader("Position").setFlexGrow(1);
		holdings.addColumn((h) -> ExecutionFormat.amount(h.assets(), result.asset()))
			.setHeader("Worth")
			.setAutoWidth(true);
		holdings.setItems(result.positions());
		holdings.setAllRowsVisible(true);
		Span idle = new Span("Idle in the vault: " + ExecutionFormat.amount(result.idle(), result.asset())
				+ " · read at block " + result.block());
		idle.setId("execution-result-idle");
		return new com.vaadin.flow.component.orderedlayout.VerticalLayout(idle, holdings);
	}

	private static Component value(String text) {
		return new Span(text);
	}

	private static Component value(String text, String id) {
		Span span = new Span(text);
		span.setId(id);
		return span;
	}

}
