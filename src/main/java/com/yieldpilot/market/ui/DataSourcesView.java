package com.yieldpilot.market.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.yieldpilot.market.MarketSources;
import com.yieldpilot.market.SourceStatus;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * For admins: each market source's health, switching it off or on, and a refresh on
 * demand.
 */
@Route("data-sources")
@PageTitle("Data sources · YieldPilot")
@Menu(order = 80, icon = "vaadin:plug", title = "Data sources")
@RolesAllowed("ADMIN")
class DataSourcesView extends VerticalLayout {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private final MarketSources sources;

	private final Grid<SourceStatus> grid = new Grid<>();

	DataSourcesView(MarketSources sources) {
		this.sources = sources;
		this.grid.setId("data-sources");
		this.grid.addColumn(SourceStatus::source).setHeader("Source");
		this.grid.addComponentColumn(this::enabledBox).setHeader("On");
		this.grid.addComponentColumn(DataSourcesView::health).setHeader("Health");
		this.grid.addColumn(s -> time(s.lastSuccess())).setHeader("Last success (UTC)");
		this.grid.addColumn(s -> time(s.lastFailure())).setHeader("Last failure (UTC)");
		this.grid.addColumn(s -> String.format(Locale.US, "%.1f%%", s.errorRate() * 100)).setHeader("Error rate");
		this.grid.addColumn(s -> latency(s.lastLatency())).setHeader("Latency");
		this.grid.addColumn(s -> (s.circuitState() != null) ? s.circuitState() : "—").setHeader("Circuit");
		this.grid.addColumn(s -> (s.lastError() != null) ? s.lastError() : "").setHeader("Last error").setFlexGrow(3);
		this.grid.setAllRowsVisible(true);

		Button refresh = new Button("Refresh now");
		refresh.setId("refresh-sources");
		refresh.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		refresh.addClickListener(e -> refreshInBackground(refresh, e.getSource().getUI().orElseThrow()));
		add(new H2("Data sources"), refresh, this.grid);
		reload();
	}

	private void refreshInBackground(Button button, UI ui) {
		button.setEnabled(false);
		// a refresh reads remote sources: never on the UI thread; the result arrives
		// by push
		this.sources.refreshInBackground().whenComplete((stored, failure) -> ui.access(() -> {
			button.setEnabled(true);
			Notification.show((failure == null) ? "Refreshed: " + stored + " new samples."
					: "Refresh failed: " + failure.getMessage());
			reload();
		}));
	}

	private Checkbox enabledBox(SourceStatus status) {
		Checkbox box = new Checkbox(status.enabled());
		box.addValueChangeListener(e -> {
			this.sources.setEnabled(status.source(), e.getValue());
			reload();
		});
		return box;
	}

	private void reload() {
		this.grid.setItems(this.sources.statuses());
	}

	private static Span health(SourceStatus status) {
		boolean tripped = status.circuitState() != null && !"CLOSED".equals(status.circuitState());
		String text = !status.enabled() ? "off" : (status.degraded() || tripped) ? "degraded" : "ok";
		Span badge = new Span(text);
		badge.addClassNames("freshness", "ok".equals(text) ? "fresh" : "stale");
		return badge;
	}

	private static String time(@Nullable Instant at) {
		return (at != null) ? TIME.format(at) : "—";
	}

	private static String latency(@Nullable Duration latency) {
		return (latency != null) ? latency.toMillis() + " ms" : "—";
	}

}
