package com.yieldpilot.execution.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.yieldpilot.execution.GuardrailConflictException;
import com.yieldpilot.execution.GuardrailRejectedException;
import com.yieldpilot.execution.GuardrailSet;
import com.yieldpilot.execution.GuardrailStatus;
import com.yieldpilot.execution.Guardrails;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * For admins: the guardrail versions, the active one marked, and the editor that saves a
 * new version; activating asks for confirmation.
 */
@Route("guardrails")
@PageTitle("Guardrails · YieldPilot")
@Menu(order = 86, icon = "vaadin:shield", title = "Guardrails")
@RolesAllowed("ADMIN")
class GuardrailsView extends VerticalLayout {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final Guardrails guardrails;

	private final Paragraph status = new Paragraph();

	private final Grid<GuardrailSet> versions = new Grid<>();

	private final GuardrailEditor editor;

	private @Nullable Integer activeVersion;

	GuardrailsView(Guardrails guardrails) {
		this.guardrails = guardrails;
		this.status.setId("guardrail-status");
		this.versions.setId("guardrail-versions");
		this.versions.addColumn(set -> "v" + set.version()).setHeader("Version").setAutoWidth(true);
		this.versions.addColumn(set -> isActive(set) ? "active" : "").setHeader("").setAutoWidth(true);
		this.versions.addColumn(set -> (set.origin() == GuardrailSet.Origin.FILE) ? "shipped" : "admin")
			.setHeader("From")
			.setAutoWidth(true);
		this.versions.addColumn(set -> TIME.format(set.createdAt())).setHeader("Saved").setAutoWidth(true);
		this.versions.addColumn(set -> (set.note() != null) ? set.note() : "").setHeader("Note").setFlexGrow(2);
		this.versions.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
		this.versions.setItems(query -> guardrails.versions(query.getOffset(), query.getLimit()).stream(),
				query -> guardrails.count());
		this.versions.setHeight("16em");
		this.editor = new GuardrailEditor(guardrails::check, files -> guardrails.dryRun(files, 50), guardrails::save,
				saved -> this.versions.getDataProvider().refreshAll());
		add(new H2("Guardrails"),
				new Paragraph("Every intent passes the active version before anything moves. Edit a copy, check it, "
						+ "dry-run it against the 50 most recent intents, save it as a new version, then activate it."),
				this.status, this.versions, new H3("Editor"), this.editor);
		showStatus();
		if (this.activeVersion != null) {
			guardrails.version(this.activeVersion).ifPresent(this.editor::load);
		}
	}

	private HorizontalLayout actions(GuardrailSet set) {
		Button open = new Button("Edit a copy", e -> this.editor.load(set));
		open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		Button activate = new Button("Activate", e -> confirmActivation(set));
		activate.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		activate.setId("guardrail-activate-" + set.version());
		activate.setEnabled(!isActive(set));
		return new HorizontalLayout(open, activate);
	}

	private void confirmActivation(GuardrailSet set) {
		showStatus();
		Integer seen = this.activeVersion;
		ConfirmDialog dialog = new ConfirmDialog("Activate version " + set.version() + "?",
				"Every review on every node uses it from its next intent on. Version " + seen + " stops.", "Activate",
				e -> activate(set, seen));
		dialog.setCancelable(true);
		dialog.setId("guardrail-activate-confirm");
		dialog.open();
	}

	private void activate(GuardrailSet set, @Nullable Integer seen) {
		try {
			this.guardrails.activate(set.version(), seen);
			Notification.show("Version " + set.version() + " is active.");
		}
		catch (GuardrailConflictException | GuardrailRejectedException ex) {
			Notification.show(ex.getMessage(), 8000, Notification.Position.MIDDLE)
				.addThemeVariants(NotificationVariant.LUMO_ERROR);
		}
		showStatus();
		this.versions.getDataProvider().refreshAll();
	}

	private boolean isActive(GuardrailSet set) {
		return this.activeVersion != null && this.activeVersion == set.version();
	}

	private void showStatus() {
		GuardrailStatus current = this.guardrails.status();
		this.activeVersion = current.activeVersion();
		String active = (current.activeVersion() != null)
				? "Version " + current.activeVersion() + " is active"
						+ ((current.activatedAt() != null) ? " since " + TIME.format(current.activatedAt()) : "") + "."
				: "No version is active: every intent that moves funds is blocked.";
		this.status.setText(active + (current.killSwitch().engaged()
				? " The kill switch is on: every intent that moves funds is blocked." : ""));
	}

}
