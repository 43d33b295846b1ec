package com.yieldpilot.rules.ui;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.yieldpilot.rules.RuleBook;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.RuleNotFoundException;
import com.yieldpilot.rules.RuleRejectedException;
import com.yieldpilot.rules.RuleStatus;
import com.yieldpilot.rules.RuleSummary;
import com.yieldpilot.rules.RuleTraces;
import com.yieldpilot.rules.RuleVersion;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * One rule: what it is now, a timeline of why it fired or did not, and its versions with
 * a line diff between any two and a one-click rollback (which saves the old text as the
 * next version). Another farmer's rule is not found.
 */
@Route("rules/:" + RuleDetailView.ID)
@RolesAllowed("FARMER")
class RuleDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	static final String ID = "id";

	private final RuleBook book;

	private final TraceTimeline timeline;

	final Grid<RuleVersion> versions = new Grid<>();

	final Select<Integer> diffFrom = new Select<>();

	final Select<Integer> diffTo = new Select<>();

	final VerticalLayout diff = new VerticalLayout();

	private @Nullable RuleId rule;

	private String title = "Rule · YieldPilot";

	RuleDetailView(RuleBook book, RuleTraces traces) {
		this.book = book;
		this.timeline = new TraceTimeline(traces);
		setId("rule-detail");
		setWidthFull();
		this.versions.setId("rule-versions");
		this.versions.addColumn(RuleVersion::version).setHeader("Version").setAutoWidth(true);
		this.versions.addColumn(v -> Times.format(v.savedAt())).setHeader("Saved").setAutoWidth(true);
		this.versions.addColumn(v -> (v.note() != null) ? v.note() : "").setHeader("Note").setFlexGrow(1);
		this.versions.addComponentColumn(this::rollbackButton).setHeader("").setAutoWidth(true);
		this.versions.setAllRowsVisible(true);
		this.diffFrom.setLabel("Compare version");
		this.diffFrom.setId("diff-from");
		this.diffTo.setLabel("with version");
		this.diffTo.setId("diff-to");
		this.diffFrom.addValueChangeListener(e -> showDiff());
		this.diffTo.addValueChangeListener(e -> showDiff());
		this.diff.setId("rule-diff");
		this.diff.setPadding(false);
		this.diff.setSpacing(false);
		this.diff.getStyle().set("font-family", "ui-monospace, monospace").set("white-space", "pre");
	}

	static RouteParameters parameters(RuleId rule) {
		return new RouteParameters(ID, rule.toString());
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		String id = event.getRouteParameters().get(ID).orElse("");
		removeAll();
		try {
			this.rule = new RuleId(UUID.fromString(id));
			show(this.book.summary(this.rule));
		}
		catch (IllegalArgumentException | RuleNotFoundException ex) {
			this.rule = null;
			this.title = "Rule not found · YieldPilot";
			Paragraph missing = new Paragraph("You have no rule " + id + ".");
			missing.setId("rule-not-found");
			add(new H2("Rule not found"), missing);
		}
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

	private void show(RuleSummary summary) {
		removeAll();
		this.title = summary.name() + " · YieldPilot";
		H2 name = new H2(summary.name());
		name.setId("rule-name");
		Span facts = new Span(summary.status().name().toLowerCase(Locale.ROOT) + " · "
				+ summary.mode().name().toLowerCase(Locale.ROOT) + " · version " + summary.version() + " · last fired "
				+ Times.format(summary.lastFired()) + " · last evaluated " + Times.format(summary.lastEvaluated()));
		facts.setId("rule-summary");
		Button edit = new Button("Edit", e -> getUI().ifPresent(ui -> ui.navigate(RuleEditorView.class,
				new RouteParameters(RuleEditorView.ID, summary.id().toString()))));
		edit.setId("rule-edit");
		edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		boolean enabled = summary.status() == RuleStatus.ENABLED;
		Button toggle = new Button(enabled ? "Disable" : "Enable",
				e -> show(enabled ? this.book.disable(summary.id()) : this.book.enable(summary.id())));
		toggle.setId("rule-toggle");
		HorizontalLayout header = new HorizontalLayout(name, edit, toggle);
		header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

		List<RuleVersion> all = this.book.versions(summary.id());
		this.versions.setItems(all);
		List<Integer> numbers = all.stream().map(RuleVersion::version).toList();
		this.diffFrom.setItems(numbers);
		this.diffTo.setItems(numbers);
		this.diffTo.setValue(summary.version());
		this.diffFrom.setValue((all.size() > 1) ? all.get(1).version() : summary.version());

		this.timeline.show(summary.id());
		TabSheet tabs = new TabSheet();
		tabs.setWidthFull();
		tabs.add("Why it fired", this.timeline).setId("tab-traces");
		tabs.add("Versions",
				new VerticalLayout(this.versions, new HorizontalLayout(this.diffFrom, this.diffTo), this.diff))
			.setId("tab-versions");
		add(header, facts, tabs);
	}

	private Button rollbackButton(RuleVersion version) {
		Button rollback = new Button("Roll back to this", e -> rollback(version));
		rollback.addClassName("rollback");
		rollback.getElement().setAttribute("data-version", String.valueOf(version.version()));
		rollback.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
		return rollback;
	}

	private void rollback(RuleVersion version) {
		try {
			RuleVersion saved = this.book.rollback(version.rule(), version.version());
			Notification.show("Version " + version.version() + " is live again as version " + saved.version() + ".");
			show(this.book.summary(version.rule()));
		}
		catch (RuleRejectedException ex) {
			Notification.show("Version " + version.version() + " cannot be restored: " + ex.getMessage())
				.addThemeVariants(NotificationVariant.LUMO_ERROR);
		}
	}

	private void showDiff() {
		this.diff.removeAll();
		if (this.rule == null || this.diffFrom.getValue() == null || this.diffTo.getValue() == null) {
			return;
		}
		String older = this.book.version(this.rule, this.diffFrom.getValue()).text();
		String newer = this.book.version(this.rule, this.diffTo.getValue()).text();
		for (VersionDiff.Line line : VersionDiff.between(older, newer)) {
			Span text = new Span(line.toString());
			text.addClassName("diff-" + line.change().name().toLowerCase(Locale.ROOT));
			switch (line.change()) {
				case ADDED -> text.getStyle().set("background", "var(--lumo-success-color-10pct)");
				case REMOVED -> text.getStyle().set("background", "var(--lumo-error-color-10pct)");
				case SAME -> text.getStyle().set("color", "var(--lumo-secondary-text-color)");
			}
			this.diff.add(text);
		}
	}

}
