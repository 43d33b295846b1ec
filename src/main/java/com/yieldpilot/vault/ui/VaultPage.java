package com.yieldpilot.vault.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.vault.Portfolio;
import com.yieldpilot.vault.Position;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultReadException;
import com.yieldpilot.vault.Vaults;
import jakarta.annotation.security.RolesAllowed;

/** The farmer's vault: where it is, who may do what with it, and its limits. */
@Route("vault")
@PageTitle("My vault · YieldPilot")
@Menu(order = 5, icon = "vaadin:safe", title = "My vault")
@RolesAllowed("FARMER")
class VaultPage extends VerticalLayout {

	VaultPage(Vaults vaults, UserAccounts accounts) {
		setId("vault-page");
		add(new H2("My vault"));
		List<Vault> mine = vaults.vaults(accounts.current().id());
		if (mine.isEmpty()) {
			add(new Paragraph("You have no vault yet. In local mode the demo farmer gets one at start-up; "
					+ "creating one from your own wallet comes with the wallet integration."));
			return;
		}
		for (Vault vault : mine) {
			try {
				Map<String, PoolId> pools = new HashMap<>();
				Portfolio portfolio = vaults.portfolio(vault);
				for (Position position : portfolio.positions()) {
					if (position.pool() != null) {
						pools.put(position.target().toLowerCase(), position.pool());
					}
				}
				VaultDetails details = new VaultDetails();
				details.show(vault, vaults.state(vault), pools);
				add(details);
			}
			catch (VaultReadException ex) {
				add(new Paragraph("Vault " + vault.address() + ": the chain could not be read (" + ex.getMessage()
						+ "). Try again in a moment."));
			}
		}
	}

}
