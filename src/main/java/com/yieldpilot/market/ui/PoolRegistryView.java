package com.yieldpilot.market.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.yieldpilot.market.PoolRegistryAdmin;
import com.yieldpilot.market.RegistryEntry;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * For admins: every pool with how it is read on chain and who maintains it, and the
 * registry extended by hand. Loaded lazily, a page at a time.
 */
@Route("pool-registry")
@PageTitle("Pool registry · YieldPilot")
@Menu(order = 85, icon = "vaadin:database", title = "Pool registry")
@RolesAllowed("ADMIN")
class PoolRegistryView extends VerticalLayout {

	private final PoolRegistryAdmin registry;

	private final Grid<RegistryEntry> grid = new Grid<>();

	PoolRegistryView(PoolRegistryAdmin registry) {
		this.registry = registry;
		this.grid.setId("pool-registry");
		this.grid.addColumn(e -> e.id().toString()).setHeader("Pool").setAutoWidth(true);
		this.grid.addColumn(e -> text(e.data().name())).setHeader("Name").setAutoWidth(true);
		this.grid.addColumn(e -> e.data().kind().label()).setHeader("Read as");
		this.grid.addColumn(e -> shortAddress(e.data().contract())).setHeader("Contract");
		this.grid.addColumn(e -> shortAddress(e.data().priceFeed())).setHeader("Price feed");
		this.grid.addColumn(e -> (e.data().defiLlamaId() != null) ? "yes" : "—").setHeader("DefiLlama");
		this.grid.addColumn(e -> e.origin().name().toLowerCase(java.util.Locale.ROOT)).setHeader("Origin");
		this.grid
			.addColumn(e -> (e.managedBy() != null) ? e.managedBy().name().toLowerCase(java.util.Locale.ROOT) : "—")
			.setHeader("Maintained by");
		this.grid.addComponentColumn(this::editButton).setHeader("");
		this.grid.getColumns().forEach(column -> column.setAutoWidth(true));
		this.grid.setItems(query -> this.registry.entries(query.getOffset(), query.getLimit()).stream(),
				query -> this.registry.count());

		Button add = new Button("Add pool", e -> open(null));
		add.setId("registry-add");
		add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		add(new H2("Pool registry"),
				new Paragraph("Registry pools may be acted on. Pools from the reviewed file are updated when the "
						+ "file changes, until an admin edits them; watched pools come from DefiLlama."),
				add, this.grid);
		setSizeFull();
	}

	private Button editButton(RegistryEntry entry) {
		Button edit = new Button("Edit", e -> open(entry));
		edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		edit.setEnabled(entry.editable());
		return edit;
	}

	private void open(@Nullable RegistryEntry entry) {
		new RegistryEntryDialog(entry, data -> (entry == null) ? this.registry.add(data)
				: this.registry.update(entry.id(), entry.version(), data), saved -> {
					Notification.show("Saved " + saved.id() + ".");
					this.grid.getDataProvider().refreshAll();
				})
			.open();
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static String shortAddress(@Nullable String address) {
		return (address != null) ? address.substring(0, 6) + "…" + address.substring(38) : "—";
	}

}
