package com.yieldpilot.rules.ui;

import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.yieldpilot.rules.RuleTemplate;
import com.yieldpilot.rules.RuleTemplateData;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Adds or edits a template. The dialog takes a save callback, so the form is tested by
 * setting fields and clicking save; what the record refuses stays in the form with the
 * reason, and nothing typed is lost.
 */
class TemplateDialog extends Dialog {

	final TextField name = new TextField("Name");

	final TextField description = new TextField("When to use it");

	final TextArea text = new TextArea("Rule");

	final Paragraph error = new Paragraph();

	final Button save = new Button("Save");

	TemplateDialog(@Nullable RuleTemplate template, Function<RuleTemplateData, RuleTemplate> saver,
			Consumer<RuleTemplate> onSaved) {
		setHeaderTitle((template == null) ? "Add a rule template" : "Edit " + template.data().name());
		this.name.setId("template-name");
		this.name.setMaxLength(RuleTemplateData.MAX_NAME_LENGTH);
		this.name.setWidthFull();
		this.description.setId("template-description");
		this.description.setMaxLength(RuleTemplateData.MAX_DESCRIPTION_LENGTH);
		this.description.setWidthFull();
		this.text.setId("template-text");
		this.text.setWidthFull();
		this.text.setMinHeight("14em");
		this.text.getStyle().set("font-family", "ui-monospace, monospace");
		this.error.setId("template-error");
		this.error.getStyle().set("color", "var(--lumo-error-text-color)");
		if (template != null) {
			this.name.setValue(template.data().name());
			this.description.setValue(template.data().description());
			this.text.setValue(template.data().text());
		}
		this.save.setId("template-save");
		this.save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.save.addClickListener(e -> {
			try {
				RuleTemplate saved = saver.apply(
						new RuleTemplateData(this.name.getValue(), this.description.getValue(), this.text.getValue()));
				close();
				onSaved.accept(saved);
			}
			catch (IllegalArgumentException | OptimisticLockingFailureException ex) {
				this.error.setText(ex.getMessage());
			}
		});
		VerticalLayout form = new VerticalLayout(this.name, this.description, this.text, this.error);
		form.setPadding(false);
		form.setWidth("44em");
		add(form);
		getFooter().add(new Button("Cancel", e -> close()), this.save);
	}

}
