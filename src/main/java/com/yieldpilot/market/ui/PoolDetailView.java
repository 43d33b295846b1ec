package com.yieldpilot.market.ui;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;
import com.yieldpilot.market.LatestValue;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.PoolRiskBadge;
import com.yieldpilot.market.PoolRiskBadges;
import com.yieldpilot.market.PoolSnapshot;
import com.yieldpilot.shared.PoolId;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

/**
 * One pool: what it is, its APY and TVL over a chosen range, and the newest value of each
 * metric from each source with its freshness, and its risk badge with the explanation
 * (when a module supplies {@link PoolRiskBadges}). From here a farmer starts a rule for
 * the pool, once the rules module offers the editor.
 */
@Route("pools/:" + PoolDetailView.ID)
@PermitAll
class PoolDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	static final String ID = "id";

	/** The rules module's editor, which takes the pool as {@code ?pool=<id>}. */
	static final String NEW_RULE_ROUTE = "rules/new";

	private final MarketData market;

	private final Clock clock;

	private final Optional<PoolRiskBadges> riskBadges;

	private final Formats formats = new Formats();

	final HistoryChart apyChart = new HistoryChart("APY", HistoryChart.Format.PERCENT);

	final HistoryChart tvlChart = new HistoryChart("TVL", HistoryChart.Format.USD);

	final RadioButtonGroup<HistoryRange> range = new RadioButtonGroup<>();

	final Grid<LatestValue> sources = new Grid<>();

	final Button newRule = new Button("Create a rule for this pool");

	private @Nullable PoolId pool;

	private String title = "Pool · YieldPilot";

	PoolDetailView(MarketData market, Clock clock, Optional<PoolRiskBadges> riskBadges) {
		this.market = market;
		this.clock = clock;
		this.riskBadges = riskBadges;
		setId("pool-detail");
		this.apyChart.setId("apy-chart");
		this.tvlChart.setId("tvl-chart");
		this.range.setId("history-range");
		this.range.setItems(HistoryRange.values());
		this.range.setItemLabelGenerator(HistoryRange::label);
		this.range.setValue(HistoryRange.DAY);
		this.range.addValueChangeListener(e -> {
			if (e.getValue() != null) {
				drawHistory(e.getValue());
			}
		});
		this.sources.setId("pool-sources");
		this.sources.addColumn(v -> v.metric().ruleName()).setHeader("Metric").setAutoWidth(true);
		this.sources.addColumn(this.formats::full).setHeader("Value").setAutoWidth(true);
		this.sources.addColumn(v -> v.source().name().toLowerCase(Locale.ROOT)).setHeader("Source").setAutoWidth(true);
		this.sources.addColumn(v -> Formats.time(v.observedAt())).setHeader("Observed at").setAutoWidth(true);
		this.sources.addColumn(v -> (v.blockNumber() != null) ? v.blockNumber().toString() : "—")
			.setHeader("Block")
			.setAutoWidth(true);
		this.sources.addComponentColumn(PoolDetailView::freshness).setHeader("Data").setAutoWidth(true);
		this.sources.setAllRowsVisible(true);
		this.newRule.setId("new-rule");
		this.newRule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.newRule.addClickListener(e -> {
			if (this.pool != null) {
				UI.getCurrent().navigate(NEW_RULE_ROUTE, QueryParameters.of("pool", this.pool.toString()));
			}
		});
		setWidthFull();
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		String requested = event.getRouteParameters().get(ID).orElse("");
		Optional<PoolSnapshot> snapshot = PoolId.tryParse(requested).flatMap(this.market::pool);
		removeAll();
		if (snapshot.isEmpty()) {
			this.pool = null;
			this.title = "Unknown pool · YieldPilot";
			showNotFound(requested);
			return;
		}
		show(snapshot.get());
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

	private void show(PoolSnapshot snapshot) {
		PoolDescriptor descriptor = snapshot.pool();
		this.pool = descriptor.id();
		this.title = descriptor.id() + " · YieldPilot";
		this.newRule.setVisible(RouteConfiguration.forApplicationScope().getRoute(NEW_RULE_ROUTE).isPresent());

		H2 heading = new H2(descriptor.id().toString());
		heading.setId("pool-id");
		HorizontalLayout facts = new HorizontalLayout(badge("pool-origin", origin(descriptor.origin())),
				badge("pool-chain", "chain " + descriptor.chain()),
				badge("pool-stablecoin", descriptor.stablecoin() ? "stablecoin" : "not a stablecoin"),
				badge("pool-freshness", snapshot.fresh() ? "fresh" : "stale"));
		facts.setSpacing(true);
		facts.addClassName("pool-facts");
		Optional<PoolRiskBadge> risk = this.riskBadges.flatMap(b -> b.badge(descriptor.id()));
		risk.ifPresent(badge -> {
			Span span = RiskBadge.of(badge);
			span.setId("pool-risk");
			facts.add(span);
		});
		HorizontalLayout header = new HorizontalLayout(heading, this.newRule);
		header.setWidthFull();
		header.setAlignItems(FlexComponent.Alignment.BASELINE);
		header.expand(heading);

		this.sources.setItems(snapshot.values()
			.stream()
			.sorted(Comparator.comparing(LatestValue::metric).thenComparing(v -> v.source().name()))
			.toList());

		add(new RouterLink("← All pools", PoolsView.class), header, facts);
		risk.filter(badge -> !badge.explanation().isEmpty()).ifPresent(badge -> add(RiskBadge.explanation(badge)));
		add(this.range, new H3("APY"), this.apyChart, new H3("TVL"), this.tvlChart, new H3("Latest values by source"),
				this.sources);
		drawHistory((this.range.getValue() != null) ? this.range.getValue() : HistoryRange.DAY);
	}

	private void drawHistory(HistoryRange selected) {
		if (this.pool == null) {
			return;
		}
		Instant now = this.clock.instant();
		this.apyChart
			.setPoints(this.market.history(this.pool, Metric.APY, selected.resolution(), selected.from(now), now), now);
		this.tvlChart
			.setPoints(this.market.history(this.pool, Metric.TVL, selected.resolution(), selected.from(now), now), now);
	}

	private void showNotFound(String requested) {
		H2 heading = new H2("No such pool");
		Paragraph message = new Paragraph(PoolId.tryParse(requested).isPresent()
				? "YieldPilot knows no pool '" + requested
						+ "'. It may have left the registry, or the link is mistyped."
				: "'" + abbreviate(requested)
						+ "' is not a pool id. A pool id reads protocol:chain:asset, e.g. aave-v3:base:USDC.");
		message.setId("pool-not-found");
		add(heading, message, new RouterLink("Browse all pools", PoolsView.class));
	}

	private static String origin(PoolDescriptor.Origin origin) {
		return switch (origin) {
			case REGISTRY -> "registry";
			case WATCHED -> "watched (read-only)";
			case SIMULATED -> "simulated";
		};
	}

	private static Span badge(String id, String text) {
		Span badge = new Span(text);
		badge.setId(id);
		badge.addClassName("pool-fact");
		return badge;
	}

	private static Span freshness(LatestValue value) {
		Span badge = new Span(value.stale() ? "stale" : "fresh");
		badge.addClassNames("freshness", value.stale() ? "stale" : "fresh");
		return badge;
	}

	private static String abbreviate(String text) {
		String printable = text.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() <= 60) ? printable : printable.substring(0, 57) + "...";
	}

}
