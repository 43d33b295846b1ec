package com.yieldpilot.vault.ui;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.yieldpilot.vault.VaultAsset;
import com.yieldpilot.vault.VaultLimits;
import com.yieldpilot.vault.VaultSetup;
import com.yieldpilot.vault.WalletCallException;

/**
 * Creating the farmer's vault from their wallet: the address it will have (known before
 * signing), its asset and its first limits. A vault the chain already has for the wallet
 * is offered for recording instead.
 */
class CreateVaultForm extends VerticalLayout {

	final Span predicted = new Span();

	final Select<VaultAsset> asset = new Select<>();

	final BigDecimalField maxPerExecution = new BigDecimalField("Most one execution may move");

	final BigDecimalField allowance = new BigDecimalField("Allowance per period");

	final IntegerField periodHours = new IntegerField("Period (hours)");

	final Button create = new Button("Create vault");

	final Button record = new Button("Record my vault");

	/**
	 * What the form asks for: the asset and the limits, checked by {@link VaultLimits}.
	 */
	record Request(String asset, VaultLimits limits) {
	}

	CreateVaultForm(VaultSetup setup, Consumer<Supplier<Request>> onCreate, Runnable onRecord) {
		setId("create-vault");
		setPadding(false);
		this.predicted.setId("predicted-address");
		this.predicted.setText(setup.predictedAddress());
		FormLayout form = new FormLayout();
		form.addFormItem(this.predicted, "Your vault's address");
		add(form);
		if (setup.exists()) {
			add(new Paragraph(
					"The chain already has your vault at this address: record it to see and configure it " + "here."));
			this.record.setId("record-vault");
			this.record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			this.record.addClickListener((click) -> onRecord.run());
			add(this.record);
			return;
		}
		this.asset.setLabel("Asset");
		this.asset.setId("vault-asset");
		this.asset.setItems(setup.assets());
		this.asset.setItemLabelGenerator((a) -> a.symbol() + " (" + a.address() + ")");
		List<VaultAsset> assets = setup.assets();
		if (!assets.isEmpty()) {
			this.asset.setValue(assets.getFirst());
		}
		this.maxPerExecution.setId("create-max");
		this.allowance.setId("create-allowance");
		this.periodHours.setId("create-period");
		this.periodHours.setValue(24);
		this.periodHours.setMin(1);
		this.create.setId("create-vault-button");
		this.create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.create.addClickListener((click) -> onCreate.accept(this::request));
		add(new FormLayout(this.asset, this.maxPerExecution, this.allowance, this.periodHours), this.create);
	}

	/**
	 * What the farmer asks for.
	 * @throws WalletCallException saying which field to fix
	 */
	Request request() {
		VaultAsset chosen = this.asset.getValue();
		if (chosen == null) {
			throw new WalletCallException("Pick the asset the vault will hold.");
		}
		return new Request(chosen.address(),
				Limits.of(this.maxPerExecution.getValue(), this.allowance.getValue(), this.periodHours.getValue()));
	}

	/**
	 * Limits from the form's fields; a missing or bad value is a message for the farmer.
	 */
	static final class Limits {

		private Limits() {
		}

		static VaultLimits of(BigDecimal max, BigDecimal allowance, Integer hours) {
			if (hours == null) {
				throw new WalletCallException("The period is required, in hours (24 for a day).");
			}
			return new VaultLimits(max, allowance, Duration.ofHours(hours));
		}

	}

}
