package com.yieldpilot.market.ui;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.yieldpilot.market.HistoryPoint;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A metric's history as a line chart: the Java side of {@code <yp-history-chart>}
 * ({@code src/main/frontend/components/yp-history-chart.ts}), which draws with ECharts
 * and takes its colours from the Lumo theme, light or dark. Rollup points also draw the
 * band between their bucket's minimum and maximum.
 */
@Tag("yp-history-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/yp-history-chart.ts")
class HistoryChart extends Component implements HasSize {

	/** How the chart writes values on its axis and in its tooltip. */
	enum Format {

		PERCENT, USD, NUMBER

	}

	private int points;

	HistoryChart(String label, Format format) {
		getElement().setProperty("label", label);
		getElement().setProperty("format", format.name().toLowerCase(Locale.ROOT));
		getElement().setAttribute("aria-label", label + " history");
		setWidthFull();
	}

	/**
	 * Replaces the drawn points, oldest first; the time axis runs from the first point to
	 * the end given, so a gap before now shows as one. Each point goes to the browser as
	 * {@code [epochMillis, value]}, or {@code [epochMillis, value, min, max]} when it
	 * summarises several samples.
	 */
	void setPoints(List<HistoryPoint> history, Instant end) {
		ArrayNode rows = JsonNodeFactory.instance.arrayNode(history.size());
		for (HistoryPoint point : history) {
			ArrayNode row = rows.addArray().add(point.at().toEpochMilli()).add(point.value());
			if (point.samples() > 1) {
				row.add(point.min()).add(point.max());
			}
		}
		getElement().setProperty("end", end.toEpochMilli());
		getElement().setPropertyJson("points", rows);
		this.points = history.size();
	}

	/** How many points were last sent to the browser. */
	int pointCount() {
		return this.points;
	}

}
