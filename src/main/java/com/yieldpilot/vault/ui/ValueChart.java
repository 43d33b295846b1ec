package com.yieldpilot.vault.ui;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.yieldpilot.vault.PortfolioPoint;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A portfolio series as a line chart, drawn by the shared ECharts web component
 * {@code <yp-history-chart>} ({@code src/main/frontend/components/yp-history-chart.ts}).
 */
@Tag("yp-history-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/yp-history-chart.ts")
class ValueChart extends Component implements HasSize {

	private int points;

	ValueChart(String label) {
		getElement().setProperty("label", label);
		getElement().setProperty("format", "number");
		getElement().setAttribute("aria-label", label + " history");
		setWidthFull();
	}

	/** Draws one value per snapshot, oldest first, up to {@code end}. */
	void setPoints(List<PortfolioPoint> history, Function<PortfolioPoint, java.math.BigDecimal> value, Instant end) {
		ArrayNode rows = JsonNodeFactory.instance.arrayNode(history.size());
		for (PortfolioPoint point : history) {
			rows.addArray().add(point.at().toEpochMilli()).add(value.apply(point).doubleValue());
		}
		getElement().setProperty("end", end.toEpochMilli());
		getElement().setPropertyJson("points", rows);
		this.points = history.size();
	}

	int pointCount() {
		return this.points;
	}

}
