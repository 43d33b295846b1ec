package com.yieldpilot.vault.ui;

import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.vault.KnownTarget;
import com.yieldpilot.vault.PreparedCall;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultState;
import com.yieldpilot.vault.VaultWallet;
import com.yieldpilot.vault.WalletCallException;

/**
 * The owner's wallet actions on their vault: funds, allowlist, limits, executor, pause
 * and ownership. Each button prepares the call on the server and runs it through the
 * wallet; the page reloads the vault once the chain confirmed it.
 */
class VaultActions extends VerticalLayout {

	final BigDecimalField amount = new BigDecimalField("Amount");

	final Select<KnownTarget> allow = new Select<>();

	final Select<String> allowed = new Select<>();

	final BigDecimalField maxPerExecution = new BigDecimalField("Most one execution may move");

	final BigDecimalField allowance = new BigDecimalField("Allowance per period");

	final IntegerField periodHours = new IntegerField("Period (hours)");

	final TextField newOwner = new TextField("New owner's wallet");

	private final WalletFlow flow;

	private final Runnable refresh;

	VaultActions(VaultWallet wallet, UserId user, Vault vault, VaultState state, List<KnownTarget> targets,
			WalletFlow flow, Runnable refresh) {
		this.flow = flow;
		this.refresh = refresh;
		setId("vault-actions");
		setPadding(false);

		this.amount.setId("amount");
		this.amount.setSuffixComponent(new com.vaadin.flow.component.html.Span(vault.assetSymbol()));
		add(new H3("Funds"),
				row(this.amount, button("Fund", "fund", () -> wallet.fund(user, vault.id(), this.amount.getValue())),
						button("Withdraw", "withdraw",
								() -> List.of(wallet.withdraw(user, vault.id(), this.amount.getValue())))));

		this.allow.setLabel("Pool to allowlist");
		this.allow.setId("allow-target");
		this.allow.setItems(targets.stream().filter((t) -> !contains(state.allowlist(), t.address())).toList());
		this.allow.setItemLabelGenerator((t) -> t.pool() + " (" + t.address() + ")");
		this.allowed.setLabel("Allowlisted pool");
		this.allowed.setId("allowed-target");
		this.allowed.setItems(state.allowlist());
		add(new H3("Allowlist"),
				row(this.allow,
						button("Allowlist", "allow",
								() -> List.of(wallet.allowTarget(user, vault.id(),
										required(this.allow.getValue(), "Pick a pool to allowlist.").address())))),
				row(this.allowed,
						button("Remove", "remove",
								() -> List.of(wallet.removeTarget(user, vault.id(),
										required(this.allowed.getValue(), "Pick an allowlisted pool.")))),
						button("Redeem all to my wallet", "redeem", () -> List.of(wallet.redeem(user, vault.id(),
								required(this.allowed.getValue(), "Pick an allowlisted pool."))))));

		this.maxPerExecution.setId("limit-max");
		this.maxPerExecution.setValue(state.maxAssetsPerExecution());
		this.allowance.setId("limit-allowance");
		this.allowance.setValue(state.allowancePerPeriod());
		this.periodHours.setId("limit-period");
		this.periodHours.setValue((int) Math.max(1, state.period().toHours()));
		add(new H3("Limits"), new FormLayout(this.maxPerExecution, this.allowance, this.periodHours), button(
				"Set limits", "set-limits", () -> List.of(wallet.setLimits(user, vault.id(), CreateVaultForm.Limits
					.of(this.maxPerExecution.getValue(), this.allowance.getValue(), this.periodHours.getValue())))));

		Button pause = state.paused()
				? button("Unpause", "unpause", () -> List.of(wallet.pause(user, vault.id(), false)))
				: button("Pause", "pause", () -> List.of(wallet.pause(user, vault.id(), true)));
		add(new H3("Executor"), row(pause, button("Use YieldPilot's executor", "set-executor",
				() -> List.of(wallet.setExecutor(user, vault.id())))));

		this.newOwner.setId("new-owner");
		this.newOwner.setPlaceholder("0x…");
		this.newOwner.setWidth("28em");
		Component accept = button("Accept the ownership", "accept-ownership",
				() -> List.of(wallet.acceptOwnership(user, vault.id())));
		accept.setVisible(state.pendingOwner() != null);
		add(new H3("Ownership"),
				row(this.newOwner,
						button("Offer ownership", "transfer-ownership",
								() -> List.of(wallet.transferOwnership(user, vault.id(), this.newOwner.getValue()))),
						accept));
	}

	private Button button(String text, String id, Supplier<List<PreparedCall>> prepare) {
		Button button = new Button(text, (click) -> this.flow.run(prepare, this.refresh));
		button.setId(id);
		return button;
	}

	private static HorizontalLayout row(Component... components) {
		HorizontalLayout row = new HorizontalLayout(components);
		row.setAlignItems(Alignment.BASELINE);
		return row;
	}

	private static <T> T required(T value, String message) {
		if (value == null) {
			throw new WalletCallException(message);
		}
		return value;
	}

	private static boolean contains(List<String> addresses, String address) {
		return addresses.stream().anyMatch(address::equalsIgnoreCase);
	}

}
