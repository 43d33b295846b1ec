package com.yieldpilot.vault.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.yieldpilot.vault.Portfolio;
import com.yieldpilot.vault.Position;

/** What the portfolio is worth now, against just holding, and where it sits. */
class PortfolioSummary extends VerticalLayout {

	final Span value = new Span();

	final Span netDeposits = new Span();

	final Span profit = new Span();

	final Span drawdown = new Span();

	final Grid<Row> positions = new Grid<>();

	private final Amounts amounts = new Amounts();

	record Row(String where, String target, String shares, String value) {
	}

	PortfolioSummary() {
		setPadding(false);
		FormLayout form = new FormLayout();
		form.addFormItem(this.value, "Value");
		form.addFormItem(this.netDeposits, "Just holding (net deposits)");
		form.addFormItem(this.profit, "Profit against holding");
		form.addFormItem(this.drawdown, "Drawdown (7 days)");
		this.positions.addColumn(Row::where).setHeader("Position").setAutoWidth(true);
		this.positions.addColumn(Row::value).setHeader("Value").setAutoWidth(true);
		this.positions.addColumn(Row::shares).setHeader("Shares").setAutoWidth(true);
		this.positions.addColumn(Row::target).setHeader("Target").setAutoWidth(true);
		this.positions.setAllRowsVisible(true);
		this.positions.setId("positions");
		add(form, this.positions);
	}

	void show(Portfolio portfolio, Optional<BigDecimal> drawdown) {
		String asset = portfolio.assetSymbol();
		this.value.setText(this.amounts.amount(portfolio.value(), asset));
		this.netDeposits.setText(this.amounts.amount(portfolio.netDeposits(), asset));
		this.profit.setText(this.amounts.signed(portfolio.profitVersusHolding(), asset));
		this.drawdown.setText(drawdown.map(Amounts::percent).orElse("no snapshots yet"));
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("Idle in the vault", "", "", this.amounts.amount(portfolio.idle(), asset)));
		for (Position position : portfolio.positions()) {
			if (position.shares().signum() > 0) {
				rows.add(new Row((position.pool() != null) ? position.pool().toString() : "unknown pool",
						position.target(), position.shares().toString(),
						this.amounts.amount(position.assets(), asset)));
			}
		}
		this.positions.setItems(rows);
	}

}
