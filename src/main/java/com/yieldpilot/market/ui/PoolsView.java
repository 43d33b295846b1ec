package com.yieldpilot.market.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.yieldpilot.market.LatestValue;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.PoolSnapshot;
import com.yieldpilot.market.PoolRiskBadge;
import com.yieldpilot.market.PoolRiskBadges;
import com.yieldpilot.market.PoolSort;
import com.yieldpilot.shared.PoolId;
import jakarta.annotation.security.PermitAll;

/**
 * The pools explorer: pools filtered by chain, protocol, asset, APY, TVL and risk, with
 * their latest values, a freshness badge and the risk badge (when a module supplies
 * {@link PoolRiskBadges}), loaded page by page and sortable by APY and TVL. A row opens
 * the pool's detail page.
 */
@Route("pools")
@PageTitle("Pools · YieldPilot")
@Menu(order = 10, icon = "vaadin:chart-grid", title = "Pools")
@PermitAll
class PoolsView extends VerticalLayout {

	private final Formats formats = new Formats();

	final PoolFilterBar filters;

	final Grid<PoolSnapshot> grid = new Grid<>();

	/** The badges of the page the grid fetched last, read once per page. */
	private final Map<PoolId, PoolRiskBadge> badges = new HashMap<>();

	PoolsView(MarketData market, Optional<PoolRiskBadges> riskBadges) {
		this.filters = new PoolFilterBar(market.facets(), filter -> {
			this.badges.clear();
			this.grid.getDataProvider().refreshAll();
		});
		this.grid.setId("pools");
		this.grid.addColumn(s -> s.pool().id().toString()).setHeader("Pool").setFlexGrow(3).setSortProperty("id");
		this.grid.addColumn(s -> s.pool().id().chain()).setHeader("Chain");
		this.grid.addColumn(s -> cell(s, Metric.APY)).setHeader("APY").setSortProperty("apy");
		this.grid.addColumn(s -> cell(s, Metric.APY_REWARD)).setHeader("of which rewards");
		this.grid.addColumn(s -> cell(s, Metric.TVL)).setHeader("TVL").setSortProperty("tvl");
		this.grid.addColumn(s -> cell(s, Metric.RISK)).setHeader("Risk");
		if (riskBadges.isPresent()) {
			this.grid.addComponentColumn(s -> RiskBadge.of(this.badges.get(s.pool().id())))
				.setHeader("Risk score")
				.setAutoWidth(true)
				.setFlexGrow(0);
		}
		this.grid.addComponentColumn(PoolsView::freshness).setHeader("Data").setAutoWidth(true).setFlexGrow(0);
		this.grid.addComponentColumn(TrustBadge::of).setHeader("Sources").setAutoWidth(true).setFlexGrow(0);
		this.grid.setItems(query -> {
			List<PoolSnapshot> page = market.pools(this.filters.filter(), sort(query.getSortOrders()),
					query.getOffset(), query.getLimit());
			riskBadges.ifPresent(b -> this.badges.putAll(b.badges(page.stream().map(s -> s.pool().id()).toList())));
			return page.stream();
		}, query -> market.count(this.filters.filter()));
		this.grid.addItemClickListener(e -> e.getSource()
			.getUI()
			.ifPresent(ui -> ui.navigate(PoolDetailView.class,
					new RouteParameters(PoolDetailView.ID, e.getItem().pool().id().toString()))));
		this.grid.addClassName("clickable-rows");

		add(new H2("Pools"), this.filters, this.grid);
		setSizeFull();
	}

	/** The grid's first sort order; it sorts by one column at a time. */
	static PoolSort sort(List<QuerySortOrder> orders) {
		if (orders.isEmpty()) {
			return PoolSort.BY_ID;
		}
		QuerySortOrder order = orders.get(0);
		PoolSort.Key key = switch (order.getSorted()) {
			case "apy" -> PoolSort.Key.APY;
			case "tvl" -> PoolSort.Key.TVL;
			default -> PoolSort.Key.ID;
		};
		return new PoolSort(key, order.getDirection() == SortDirection.DESCENDING);
	}

	private String cell(PoolSnapshot snapshot, Metric metric) {
		return snapshot.value(metric).map(v -> this.formats.compact(v.value(), metric.unit())).orElse("—");
	}

	private static Span freshness(PoolSnapshot snapshot) {
		boolean fresh = snapshot.fresh();
		String source = snapshot.value(Metric.APY).map(LatestValue::source).map(Enum::name).orElse("no data");
		Span badge = new Span(fresh ? "fresh · " + source.toLowerCase(Locale.ROOT) : "stale");
		badge.addClassNames("freshness", fresh ? "fresh" : "stale");
		return badge;
	}

}
