package com.yieldpilot.market.ui;

import java.text.NumberFormat;
import java.util.Locale;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.yieldpilot.market.LatestValue;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.PoolSnapshot;
import jakarta.annotation.security.PermitAll;

/**
 * The pools explorer: every pool with its latest APY and TVL and a freshness badge,
 * loaded page by page.
 */
@Route("pools")
@PageTitle("Pools · YieldPilot")
@Menu(order = 10, icon = "vaadin:chart-grid", title = "Pools")
@PermitAll
class PoolsView extends VerticalLayout {

	// NumberFormat is not thread-safe: each view (one UI, one thread at a time) keeps its
	// own
	private final NumberFormat usd = NumberFormat.getCompactNumberInstance(Locale.US, NumberFormat.Style.SHORT);

	PoolsView(MarketData market) {
		this.usd.setMaximumFractionDigits(1);
		TextField filter = new TextField();
		filter.setId("pool-filter");
		filter.setPlaceholder("Filter by protocol, chain or asset, e.g. base or USDC");
		filter.setClearButtonVisible(true);
		filter.setWidthFull();
		filter.setValueChangeMode(ValueChangeMode.LAZY);

		Grid<PoolSnapshot> grid = new Grid<>();
		grid.setId("pools");
		grid.addColumn(s -> s.pool().id().toString()).setHeader("Pool").setFlexGrow(3);
		grid.addColumn(s -> s.pool().id().chain()).setHeader("Chain");
		grid.addColumn(s -> percent(s, Metric.APY)).setHeader("APY");
		grid.addColumn(s -> percent(s, Metric.APY_REWARD)).setHeader("of which rewards");
		grid.addColumn(s -> s.value(Metric.TVL).map(v -> "$" + this.usd.format(v.value())).orElse("—"))
			.setHeader("TVL");
		grid.addComponentColumn(PoolsView::freshness).setHeader("Data");
		grid.addComponentColumn(TrustBadge::of).setHeader("Sources");
		grid.setItems(
				query -> (filter.isEmpty() ? market.pools(query.getOffset(), query.getLimit())
						: market.search(filter.getValue(), query.getOffset(), query.getLimit()))
					.stream(),
				query -> filter.isEmpty() ? market.count() : market.countMatching(filter.getValue()));
		filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

		add(new H2("Pools"), filter, grid);
		setSizeFull();
	}

	private static String percent(PoolSnapshot snapshot, Metric metric) {
		return snapshot.value(metric).map(v -> String.format(Locale.US, "%.2f%%", v.value())).orElse("—");
	}

	private static Span freshness(PoolSnapshot snapshot) {
		boolean fresh = snapshot.fresh();
		String source = snapshot.value(Metric.APY).map(LatestValue::source).map(Enum::name).orElse("no data");
		Span badge = new Span(fresh ? "fresh · " + source.toLowerCase(Locale.ROOT) : "stale");
		badge.addClassNames("freshness", fresh ? "fresh" : "stale");
		return badge;
	}

}
