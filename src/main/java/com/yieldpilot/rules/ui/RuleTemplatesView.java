package com.yieldpilot.rules.ui;

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
import com.yieldpilot.rules.RuleTemplate;
import com.yieldpilot.rules.RuleTemplates;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * For admins: the rule template library farmers start from. Add, edit, retire or restore
 * a template; every change is audit-logged by the service.
 */
@Route("rule-templates")
@PageTitle("Rule templates · YieldPilot")
@Menu(order = 86, icon = "vaadin:file-text-o", title = "Rule templates")
@RolesAllowed("ADMIN")
class RuleTemplatesView extends VerticalLayout {

	private final RuleTemplates templates;

	final Grid<RuleTemplate> grid = new Grid<>();

	RuleTemplatesView(RuleTemplates templates) {
		this.templates = templates;
		this.grid.setId("rule-templates");
		this.grid.addColumn(t -> t.data().name()).setHeader("Name").setAutoWidth(true);
		this.grid.addColumn(t -> t.data().description()).setHeader("When to use it").setFlexGrow(1);
		this.grid.addColumn(t -> t.retired() ? "retired" : "in use").setHeader("Status").setAutoWidth(true);
		this.grid.addComponentColumn(this::buttons).setHeader("").setAutoWidth(true);
		this.grid.setAllRowsVisible(true);
		Button add = new Button("Add template", e -> open(null));
		add.setId("template-add");
		add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		add(new H2("Rule templates"), new Paragraph(
				"Farmers start new rules from the templates in use. The examples shipped with YieldPilot are added "
						+ "once; what you change here stays."),
				add, this.grid);
		setSizeFull();
		refresh();
	}

	private void refresh() {
		this.grid.setItems(this.templates.all());
	}

	private HorizontalLayout buttons(RuleTemplate template) {
		Button edit = new Button("Edit", e -> open(template));
		edit.addClassName("template-edit");
		Button retire = new Button(template.retired() ? "Restore" : "Retire",
				e -> change(() -> this.templates.retire(template.id(), template.version(), !template.retired())));
		retire.addClassName("template-retire");
		retire.getElement().setAttribute("data-template", template.slug());
		edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
		retire.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
		return new HorizontalLayout(edit, retire);
	}

	private void open(@Nullable RuleTemplate template) {
		new TemplateDialog(template, data -> (template == null) ? this.templates.add(data)
				: this.templates.update(template.id(), template.version(), data), saved -> {
					Notification.show("Saved " + saved.data().name() + ".");
					refresh();
				})
			.open();
	}

	private void change(Runnable change) {
		try {
			change.run();
		}
		catch (OptimisticLockingFailureException ex) {
			Notification.show("Someone changed this template meanwhile; the list now shows their change.")
				.addThemeVariants(NotificationVariant.LUMO_WARNING);
		}
		refresh();
	}

}
