package com.yieldpilot.vault.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.vault.PortfolioPoint;
import com.yieldpilot.vault.Portfolios;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultReadException;
import com.yieldpilot.vault.Vaults;
import jakarta.annotation.security.RolesAllowed;

/**
 * The farmer's portfolio: value over time from the snapshots, positions as read on chain
 * now, and profit against just holding.
 */
@Route("portfolio")
@PageTitle("Portfolio · YieldPilot")
@Menu(order = 4, icon = "vaadin:chart-line", title = "Portfolio")
@RolesAllowed("FARMER")
class PortfolioPage extends VerticalLayout {

	static final Duration DRAWDOWN_WINDOW = Duration.ofDays(7);

	final ValueChart valueChart = new ValueChart("Value");

	final ValueChart profitChart = new ValueChart("Profit against holding");

	final RadioButtonGroup<Window> window = new RadioButtonGroup<>();

	final PortfolioSummary summary = new PortfolioSummary();

	enum Window {

		DAY("24 h", Duration.ofDays(1)), WEEK("7 d", Duration.ofDays(7)), MONTH("30 d", Duration.ofDays(30));

		final String label;

		final Duration length;

		Window(String label, Duration length) {
			this.label = label;
			this.length = length;
		}

	}

	PortfolioPage(Vaults vaults, Portfolios portfolios, UserAccounts accounts, Clock clock) {
		setId("portfolio-page");
		add(new H2("Portfolio"));
		UserId user = accounts.current().id();
		List<Vault> mine = vaults.vaults(user);
		if (mine.isEmpty()) {
			add(new Paragraph("You have no vault yet, so there is no portfolio to show."));
			return;
		}
		Vault vault = mine.getFirst();
		try {
			this.summary.show(vaults.portfolio(vault), portfolios.drawdown(user, DRAWDOWN_WINDOW));
		}
		catch (VaultReadException ex) {
			this.summary.add(new Paragraph("The chain could not be read (" + ex.getMessage() + ")."));
		}
		this.window.setItems(Window.values());
		this.window.setItemLabelGenerator((w) -> w.label);
		this.window.addValueChangeListener((event) -> {
			List<PortfolioPoint> history = portfolios.history(user, vault.id(), event.getValue().length);
			this.valueChart.setPoints(history, PortfolioPoint::value, clock.instant());
			this.profitChart.setPoints(history, PortfolioPoint::profitVersusHolding, clock.instant());
		});
		this.window.setValue(Window.DAY);
		add(this.summary, new H3("Value over time (" + vault.assetSymbol() + ")"), this.window, this.valueChart,
				new H3("Profit against just holding"), this.profitChart);
	}

}
