package com.yieldpilot.market.ui;

import java.time.Instant;
import java.util.List;

import com.yieldpilot.market.HistoryPoint;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryChartTest {

	private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

	@Test
	void sendsRawSamplesAsTimeAndValueAndRollupsWithTheirRange() {
		HistoryChart chart = new HistoryChart("APY", HistoryChart.Format.PERCENT);
		chart.setPoints(List.of(new HistoryPoint(AT, 4.25, 4.25, 4.25, 1),
				new HistoryPoint(AT.plusSeconds(3600), 4.5, 4.0, 5.0, 60)), AT.plusSeconds(7200));

		JsonNode points = (JsonNode) chart.getElement().getPropertyRaw("points");
		assertThat(points).hasSize(2);
		assertThat(points.get(0)).extracting(JsonNode::asDouble).containsExactly((double) AT.toEpochMilli(), 4.25);
		assertThat(points.get(1)).extracting(JsonNode::asDouble)
			.containsExactly((double) AT.plusSeconds(3600).toEpochMilli(), 4.5, 4.0, 5.0);
		assertThat(chart.getElement().getProperty("format")).isEqualTo("percent");
		assertThat(chart.getElement().getProperty("end", 0.0)).isEqualTo(AT.plusSeconds(7200).toEpochMilli());
		assertThat(chart.pointCount()).isEqualTo(2);
	}

	@Test
	void anEmptyHistoryClearsTheChart() {
		HistoryChart chart = new HistoryChart("TVL", HistoryChart.Format.USD);
		chart.setPoints(List.of(new HistoryPoint(AT, 1e6, 1e6, 1e6, 1)), AT);
		chart.setPoints(List.of(), AT);
		assertThat((JsonNode) chart.getElement().getPropertyRaw("points")).isEmpty();
		assertThat(chart.pointCount()).isZero();
	}

}
