package com.yieldpilot.identity.ui;

import java.time.Clock;
import java.util.function.Function;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.data.binder.Result;
import com.yieldpilot.identity.ApiTokenRequest;
import com.yieldpilot.identity.IssuedApiToken;

/**
 * Asks for a token's name and lifetime, hands the request to the save callback, then
 * shows the secret once. It takes a callback rather than a service, so it can be tested
 * by filling fields and clicking.
 */
class NewTokenDialog extends Dialog {

	final TextField name = new TextField("Name");

	final Select<TokenExpiry> expiry = new Select<>();

	final Button create = new Button("Create token");

	final TextField secret = new TextField("Your new token");

	private final Binder<ApiTokenRequest> binder = new Binder<>(ApiTokenRequest.class);

	NewTokenDialog(Clock clock, Function<ApiTokenRequest, IssuedApiToken> onSave, Runnable onDone) {
		setHeaderTitle("New API token");
		this.name.setId("token-name");
		this.name.setMaxLength(ApiTokenRequest.NAME_MAX_LENGTH);
		this.name.setPlaceholder("e.g. laptop script");
		this.name.setWidthFull();
		this.expiry.setLabel("Expires after");
		this.expiry.setItems(TokenExpiry.values());
		this.expiry.setItemLabelGenerator(TokenExpiry::label);
		this.expiry.setValue(TokenExpiry.DAYS_90);

		this.binder.forField(this.name)
			.asRequired("Give the token a name you will recognise.")
			.withValidator(n -> n.strip().length() <= ApiTokenRequest.NAME_MAX_LENGTH, "The name is too long.")
			.bind("name");
		this.binder.forField(this.expiry)
			.asRequired()
			.withConverter(Converter.from((TokenExpiry e) -> Result.ok(e.from(clock)), instant -> TokenExpiry.NEVER))
			.bind("expiresAt");

		this.secret.setId("token-secret");
		this.secret.setReadOnly(true);
		this.secret.setWidthFull();
		this.secret.setVisible(false);
		Paragraph once = new Paragraph("Copy it now: it is shown only this once.");
		once.setVisible(false);

		Button close = new Button("Close", e -> {
			close();
			onDone.run();
		});
		this.create.setId("token-create");
		this.create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.create.addClickListener(e -> {
			try {
				IssuedApiToken issued = onSave.apply(this.binder.writeRecord());
				this.secret.setValue(issued.secret());
				this.secret.setVisible(true);
				once.setVisible(true);
				this.name.setReadOnly(true);
				this.expiry.setReadOnly(true);
				this.create.setVisible(false);
			}
			catch (ValidationException ex) {
				// the fields show what to fix
			}
			catch (IllegalArgumentException ex) {
				this.name.setInvalid(true);
				this.name.setErrorMessage(ex.getMessage());
			}
		});
		add(new VerticalLayout(this.name, this.expiry, this.secret, once));
		getFooter().add(close, this.create);
	}

}
