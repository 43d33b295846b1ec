package com.yieldpilot.execution.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.yieldpilot.execution.Guardrails;
import com.yieldpilot.execution.KillSwitch;
import jakarta.annotation.security.RolesAllowed;

/**
 * For admins: the global kill switch. Engaging it needs a reason farmers read and a
 * confirmation; releasing it asks again.
 */
@Route("kill-switch")
@PageTitle("Kill switch · YieldPilot")
@Menu(order = 87, icon = "vaadin:power-off", title = "Kill switch")
@RolesAllowed("ADMIN")
class KillSwitchView extends VerticalLayout {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final Guardrails guardrails;

	private final Paragraph state = new Paragraph();

	private final TextField reason = new TextField("Why");

	private final Button toggle = new Button();

	KillSwitchView(Guardrails guardrails) {
		this.guardrails = guardrails;
		this.state.setId("kill-switch-state");
		this.reason.setId("kill-switch-reason");
		this.reason.setMaxLength(KillSwitch.MAX_REASON_LENGTH);
		this.reason.setWidth("32em");
		this.reason.setHelperText("Farmers read it on every intent it blocks.");
		this.toggle.setId("kill-switch-toggle");
		this.toggle.addClickListener(e -> confirm());
		add(new H2("Kill switch"),
				new Paragraph("While the kill switch is on, every intent that moves funds is blocked, paper and live, "
						+ "whatever the guardrails say. Notifications still go out."),
				this.state, this.reason, this.toggle);
		show(guardrails.killSwitch());
	}

	private void confirm() {
		boolean engage = !this.guardrails.killSwitch().engaged();
		if (engage && this.reason.getValue().isBlank()) {
			this.reason.setInvalid(true);
			this.reason.setErrorMessage("Say why you stop all fund movements: farmers read it.");
			return;
		}
		ConfirmDialog dialog = new ConfirmDialog(engage ? "Stop all fund movements?" : "Let funds move again?",
				engage ? "Every intent that moves funds is blocked until an admin releases the switch."
						: "Intents pass the guardrails again from the next one on.",
				engage ? "Stop everything" : "Release", e -> flip(engage));
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
		String since = (killSwitch.changedAt() != null) ? " since " + TIME.format(killSwitch.changedAt()) : "";
		this.state.setText(killSwitch.engaged() ? "ON" + since + ": " + killSwitch.reason() + ". No funds move."
				: "Off" + since + ". Intents pass the guardrails.");
		this.toggle.setText(killSwitch.engaged() ? "Release the kill switch" : "Stop all fund movements");
		this.toggle.removeThemeVariants(ButtonVariant.LUMO_ERROR);
		if (!killSwitch.engaged()) {
			this.toggle.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
		}
		this.reason.setLabel(killSwitch.engaged() ? "Why it can be released (optional)" : "Why");
	}

}
