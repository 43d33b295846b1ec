package com.yieldpilot.identity.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.yieldpilot.identity.ApiTokenSummary;
import com.yieldpilot.identity.ApiTokens;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

/**
 * The user's personal API tokens: create one (shown once), see when each was last used,
 * revoke.
 */
@Route("tokens")
@PageTitle("API tokens · YieldPilot")
@PermitAll
class ApiTokensView extends VerticalLayout {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final ApiTokens tokens;

	private final Clock clock;

	private final Grid<ApiTokenSummary> grid = new Grid<>();

	ApiTokensView(ApiTokens tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
		Button create = new Button("New token", e -> new NewTokenDialog(clock, tokens::issue, this::refresh).open());
		create.setId("new-token");
		create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

		this.grid.setId("tokens");
		this.grid.addColumn(ApiTokenSummary::name).setHeader("Name").setFlexGrow(2);
		this.grid.addColumn(ApiTokenSummary::hint).setHeader("Starts with");
		this.grid.addColumn(t -> format(t.createdAt())).setHeader("Created");
		this.grid.addColumn(t -> format(t.lastUsedAt())).setHeader("Last used");
		this.grid.addColumn(this::status).setHeader("Status");
		this.grid.addComponentColumn(this::revokeButton).setHeader("").setAutoWidth(true);
		this.grid.setItems(query -> tokens.list(query.getOffset(), query.getLimit()).stream(), query -> tokens.count());

		add(new H2("API tokens"), new Paragraph("Send a token as 'Authorization: Bearer <token>' to the REST API. "
				+ "Only a hash of each token is kept, so a lost token cannot be shown again: revoke it and create a new one."),
				create, this.grid);
		setSizeFull();
	}

	private Button revokeButton(ApiTokenSummary token) {
		Button revoke = new Button("Revoke", e -> {
			this.tokens.revoke(token.id());
			Notification.show("Token '" + token.name() + "' revoked.");
			refresh();
		});
		revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
		revoke.setEnabled(token.activeAt(this.clock.instant()));
		return revoke;
	}

	private String status(ApiTokenSummary token) {
		if (token.revokedAt() != null) {
			return "revoked";
		}
		return token.activeAt(this.clock.instant()) ? "active" : "expired";
	}

	private void refresh() {
		this.grid.getDataProvider().refreshAll();
	}

	private static String format(@Nullable Instant time) {
		return (time != null) ? TIME.format(time) : "—";
	}

}
