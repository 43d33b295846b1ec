package com.yieldpilot.rules.ui;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.rules.RuleBook;
import com.yieldpilot.rules.RuleCheck;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.RuleNotFoundException;
import com.yieldpilot.rules.RuleProblem;
import com.yieldpilot.rules.RuleRejectedException;
import com.yieldpilot.rules.RuleTemplate;
import com.yieldpilot.rules.RuleTemplates;
import com.yieldpilot.rules.RuleValidation;
import com.yieldpilot.rules.RuleVersion;
import com.yieldpilot.rules.check.RuleVocabulary;
import com.yieldpilot.rules.lang.ParseResult;
import com.yieldpilot.rules.lang.RuleParser;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.identity.CurrentUser;
import com.yieldpilot.identity.Role;
import com.yieldpilot.rules.RulePreviews;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * Writing a rule: the text with live validation, or the visual builder over the same
 * tree; switching tabs carries the rule across. Saving stores a new version through the
 * rule book and opens the rule; a rejected save shows each error at its position.
 * {@code rules/new?pool=<id>} starts from a rule for that pool.
 */
@Route("rules/new")
@RouteAlias("rules/:" + RuleEditorView.ID + "/edit")
@RolesAllowed("FARMER")
class RuleEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	static final String ID = "id";

	private final RuleBook book;

	private final RulePreviews previews;

	final RuleEditor editor;

	final RuleBuilder builder;

	final TabSheet tabs = new TabSheet();

	final Tab textTab;

	final Tab builderTab;

	final Span status = new Span();

	final Button save = new Button("Save");

	private final H2 heading = new H2("New rule");

	private @Nullable RuleId rule;

	private String title = "New rule · YieldPilot";

	/** Whether the view itself is changing the tab, so nothing is carried across. */
	private boolean selecting;

	final ComboBox<RuleTemplate> template = new ComboBox<>("Start from a template");

	/** Admins' third tab: the DRL preview of the text; null for farmers. */
	@Nullable Tab drlTab;

	private final Pre drl = new Pre();

	RuleEditorView(RuleBook book, RuleValidation validation, RuleTemplates templates, MarketData market,
			RuleVocabulary vocabulary, RulePreviews previews, CurrentUser user) {
		this.book = book;
		this.previews = previews;
		this.template.setId("rule-template");
		this.template.setItems(templates.inUse());
		this.template.setItemLabelGenerator(t -> t.data().name());
		this.template.setWidth("24em");
		this.template.setHelperText("Replaces the text with the template's rule");
		this.template.addValueChangeListener(e -> {
			if (e.isFromClient() && e.getValue() != null) {
				start(e.getValue().data().text());
			}
		});
		this.editor = new RuleEditor(validation::validate);
		this.editor.setId("rule-text");
		this.editor.addValueChangeListener(e -> {
			showCheck(this.editor.check());
			if (this.drlTab != null && this.tabs.getSelectedTab() == this.drlTab) {
				showDrl();
			}
		});
		this.builder = new RuleBuilder(new BuilderChoices(market, vocabulary));
		this.textTab = this.tabs.add("Text", this.editor);
		this.builderTab = this.tabs.add("Builder", this.builder);
		this.textTab.setId("tab-text");
		this.builderTab.setId("tab-builder");
		if (user.find().filter(u -> u.hasRole(Role.ADMIN)).isPresent()) {
			this.drl.setId("rule-drl");
			this.drlTab = this.tabs.add("DRL (admins)", this.drl);
			this.drlTab.setId("tab-drl");
		}
		else {
			this.drlTab = null;
		}
		this.tabs.setWidthFull();
		this.tabs.addSelectedChangeListener(e -> {
			if (!this.selecting) {
				switchTo(e.getSelectedTab(), e.getPreviousTab());
			}
		});
		this.status.setId("rule-status");
		this.save.setId("rule-save");
		this.save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.save.addClickListener(e -> save());
		setId("rule-editor");
		setWidthFull();
		add(this.heading, this.template, this.tabs, new HorizontalLayout(this.save, this.status));
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		Optional<String> id = event.getRouteParameters().get(ID);
		if (id.isEmpty()) {
			this.rule = null;
			List<String> pool = event.getLocation()
				.getQueryParameters()
				.getParameters()
				.getOrDefault("pool", List.of());
			this.editor.setValue(pool.isEmpty() ? Starters.blank() : starter(pool.getFirst()));
			return;
		}
		try {
			RuleId ruleId = new RuleId(UUID.fromString(id.get()));
			RuleVersion current = this.book.current(ruleId);
			this.rule = ruleId;
			this.heading.setText("Edit rule, version " + current.version());
			this.title = "Edit rule · YieldPilot";
			this.editor.setValue(current.text());
		}
		catch (IllegalArgumentException | RuleNotFoundException ex) {
			removeAll();
			Paragraph missing = new Paragraph("You have no rule " + id.get() + ".");
			missing.setId("rule-not-found");
			add(new H2("Rule not found"), missing);
		}
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

	/** Starts the text from a template, replacing what is there. */
	void start(String text) {
		select(this.textTab);
		this.editor.setValue(text);
	}

	private void select(Tab tab) {
		this.selecting = true;
		try {
			this.tabs.setSelectedTab(tab);
		}
		finally {
			this.selecting = false;
		}
	}

	/** Prints the text's DRL; the text may still arrive after the tab is chosen. */
	private void showDrl() {
		try {
			this.drl.setText(this.previews.drl(this.editor.getValue()));
		}
		catch (RuleRejectedException ex) {
			this.drl.setText("Fix the errors in the text first: the DRL is printed from a valid rule only ("
					+ ex.getMessage() + ").");
		}
	}

	private static String starter(String pool) {
		return PoolId.tryParse(pool).map(Starters::forPool).orElseGet(Starters::blank);
	}

	private void switchTo(Tab selected, @Nullable Tab previous) {
		if (previous == this.builderTab && selected != this.textTab && !syncFromBuilder()) {
			return;
		}
		if (selected == this.drlTab) {
			showDrl();
		}
		else if (selected == this.builderTab) {
			ParseResult result = RuleParser.parse(this.editor.getValue());
			if (result instanceof ParseResult.Parsed parsed) {
				this.builder.edit(RuleDraft.of(parsed.rule()));
			}
			else {
				select(this.textTab);
				warn("Fix the errors in the text first; the builder shows only a rule that reads as one.");
			}
		}
		else if (selected == this.textTab && previous == this.builderTab) {
			syncFromBuilder();
		}
	}

	/**
	 * Writes the builder's rule into the text; false when the builder holds no rule yet.
	 */
	private boolean syncFromBuilder() {
		RuleDraft draft = this.builder.draft();
		if (draft == null) {
			return true;
		}
		try {
			this.editor.setValue(draft.text());
			return true;
		}
		catch (IllegalArgumentException ex) {
			select(this.builderTab);
			warn(ex.getMessage());
			return false;
		}
	}

	private void save() {
		if (this.tabs.getSelectedTab() == this.builderTab && !syncFromBuilder()) {
			return;
		}
		try {
			RuleVersion saved = (this.rule == null) ? this.book.create(this.editor.getValue())
					: this.book.update(this.rule, this.editor.getValue());
			Notification.show("Saved version " + saved.version() + ".");
			getUI().ifPresent(ui -> ui.navigate(RuleDetailView.class, RuleDetailView.parameters(saved.rule())));
		}
		catch (RuleRejectedException ex) {
			select(this.textTab);
			this.editor.show(ex.check().errors(), ex.check().warnings());
			showCheck(ex.check());
			warn("Not saved: " + ex.getMessage());
		}
	}

	private void showCheck(@Nullable RuleCheck check) {
		if (check == null) {
			this.status.setText("");
			return;
		}
		if (check.valid()) {
			this.status.setText(check.warnings().isEmpty() ? "The rule is valid." : "The rule is valid, with "
					+ check.warnings().size() + " warning(s): " + describe(check.warnings().getFirst()));
		}
		else {
			this.status.setText(check.errors().size() + " error(s). " + describe(check.errors().getFirst()));
		}
	}

	private static String describe(RuleProblem problem) {
		return "Line " + problem.line() + ", column " + problem.column() + ": " + problem.message();
	}

	private static void warn(@Nullable String message) {
		Notification notification = Notification.show((message != null) ? message : "Something is missing.");
		notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
	}

}
