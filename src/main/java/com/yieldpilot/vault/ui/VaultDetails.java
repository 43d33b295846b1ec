package com.yieldpilot.vault.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultState;

/** One vault's configuration as the chain has it. */
class VaultDetails extends VerticalLayout {

	final Span address = new Span();

	final Span owner = new Span();

	final Span pendingOwner = new Span();

	final Span executor = new Span();

	final Span status = new Span();

	final Span maxPerExecution = new Span();

	final Span allowance = new Span();

	final Span available = new Span();

	final Span block = new Span();

	final Grid<Target> allowlist = new Grid<>();

	private final Amounts amounts = new Amounts();

	record Target(String address, String pool) {
	}

	VaultDetails() {
		setPadding(false);
		FormLayout form = new FormLayout();
		form.addFormItem(this.address, "Address");
		form.addFormItem(this.owner, "Owner (your wallet)");
		form.addFormItem(this.pendingOwner, "Ownership offered to");
		form.addFormItem(this.executor, "Executor");
		form.addFormItem(this.status, "Status");
		form.addFormItem(this.maxPerExecution, "Max per execution");
		form.addFormItem(this.allowance, "Allowance");
		form.addFormItem(this.available, "Available this period");
		form.addFormItem(this.block, "Read at block");
		this.allowlist.addColumn(Target::pool).setHeader("Pool").setAutoWidth(true);
		this.allowlist.addColumn(Target::address).setHeader("Target (ERC-4626)").setAutoWidth(true);
		this.allowlist.setAllRowsVisible(true);
		this.allowlist.setId("allowlist");
		add(form, new H3("Allowlist"), this.allowlist);
	}

	void show(Vault vault, VaultState state, Map<String, PoolId> pools) {
		String asset = vault.assetSymbol();
		this.address.setText(vault.address());
		this.owner.setText(state.owner());
		this.pendingOwner.setText((state.pendingOwner() != null) ? state.pendingOwner() : "nobody");
		this.executor.setText((state.executor() != null) ? state.executor() : "none (revoked)");
		this.status.setText(state.paused() ? "Paused: the executor cannot act" : "Active");
		this.status.getElement().getThemeList().set("badge", true);
		this.status.getElement().getThemeList().set("error", state.paused());
		this.status.getElement().getThemeList().set("success", !state.paused());
		this.maxPerExecution.setText(this.amounts.amount(state.maxAssetsPerExecution(), asset));
		this.allowance
			.setText(this.amounts.amount(state.allowancePerPeriod(), asset) + " per " + Amounts.period(state.period()));
		this.available.setText(this.amounts.amount(state.availableAllowance(), asset));
		this.block.setText(Long.toString(state.block()));
		List<Target> targets = state.allowlist()
			.stream()
			.map((t) -> new Target(t, pools.containsKey(t.toLowerCase()) ? pools.get(t.toLowerCase()).toString() : "—"))
			.toList();
		this.allowlist.setItems(targets);
	}

}
