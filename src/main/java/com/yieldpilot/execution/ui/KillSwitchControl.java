package com.yieldpilot.execution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.yieldpilot.execution.Guardrails;
import com.yieldpilot.execution.KillSwitch;

/**
 * The kill switch as admins flip it, on its own page and on the execution page: where it
 * stands and why, and a toggle that wants a reason farmers read to engage, and a
 * confirmation either way.
 */
class KillSwitchControl extends VerticalLayout {

	private final Guardrails guardrails;

	private final Paragraph state = new Paragraph();

	private final TextField reason = new TextField("Why");

	private final Button toggle = new Button();

	KillSwitchControl(Guardrails guardrails) {
		this.guardrails = guardrails;
		this.state.setId("kill-switch-state");
		this.reason.setId("kill-switch-reason");
		this.reason.setMaxLength(KillSwitch.MAX_REASON_LENGTH);
		this.reason.setWidth("32em");
		this.reason.setHelperText("Farmers read it on every action it holds back.");
		this.toggle.setId("kill-switch-toggle");
		this.toggle.addClickListener((e) -> confirm());
		setPadding(false);
		add(this.state, this.reason, this.toggle);
		refresh();
	}

	/** Shows the switch as stored now: another admin may have flipped it. */
	void refresh() {
		show(this.guardrails.killSwitch());
	}

	private void confirm() {
		boolean engage = !this.guardrails.killSwitch().engaged();
		if (engage && this.reason.getValue().isBlank()) {
			this.reason.setInvalid(true);
			this.reason.setErrorMessage("Say why you stop all fund movements: farmers read it.");
			return;
		}
		ConfirmDialog dialog = new ConfirmDialog(engage ? "Stop all fund movements?" : "Let funds move again?",
				engage ? "Every intent that moves funds is blocked and nothing new is signed until an admin releases "
						+ "the switch. Transactions already sent are still followed to confirmation."
						: "Intents pass the guardrails and run again from the next one on.",
				engage ? "Stop everything" : "Release", (e) -> flip(engage));
		dialog.setCancelable(true);
		dialog.setId("kill-switch-confirm");
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
			Notification.show(now.engaged() ? "The kill switch is on." : "The kill switch is off.");
			show(now);
		}
		catch (IllegalArgumentException ex) {
			this.reason.setInvalid(true);
			this.reason.setErrorMessage(ex.getMessage());
		}
	}

	private void show(KillSwitch killSwitch) {
		String since = (killSwitch.changedAt() != null) ? " since " + ExecutionFormat.time(killSwitch.changedAt()) : "";
		this.state.setText(killSwitch.engaged() ? "ON" + since + ": " + killSwitch.reason() + ". No funds move."
				: "Off" + since + ". Actions that pass the guardrails are executed.");
		this.toggle.setText(killSwitch.engaged() ? "Release the kill switch" : "Stop all fund movements");
		this.toggle.removeThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
		if (!killSwitch.engaged()) {
			this.toggle.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
		}
		this.reason.setLabel(killSwitch.engaged() ? "Why it can be released (optional)" : "Why");
	}

}
