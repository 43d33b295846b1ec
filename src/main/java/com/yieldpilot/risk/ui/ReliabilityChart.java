package com.yieldpilot.risk.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A model version's reliability diagram: the Java side of {@code <yp-reliability-chart>}
 * ({@code src/main/frontend/components/yp-reliability-chart.ts}), which draws the
 * validation bins (mean score against observed rate) with the diagonal in ECharts.
 */
@Tag("yp-reliability-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/yp-reliability-chart.ts")
class ReliabilityChart extends Component implements HasSize {

	private int bins;

	ReliabilityChart() {
		setWidthFull();
	}

	/**
	 * Draws the bins, each {@code [mean score, outcome rate, count]} as the registry
	 * stores them; bins without pool-days are left out.
	 */
	void setBins(String label, List<double[]> reliability) {
		ArrayNode rows = JsonNodeFactory.instance.arrayNode(reliability.size());
		int drawn = 0;
		for (double[] bin : reliability) {
			if (bin.length >= 3 && bin[2] > 0) {
				rows.addArray().add(bin[0]).add(bin[1]).add((long) bin[2]);
				drawn++;
			}
		}
		getElement().setProperty("label", label);
		getElement().setPropertyJson("bins", rows);
		this.bins = drawn;
	}

	/** How many bins were last sent to the browser. */
	int binCount() {
		return this.bins;
	}

}
