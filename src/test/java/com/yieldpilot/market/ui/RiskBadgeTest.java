package com.yieldpilot.market.ui;

import java.util.List;

import com.vaadin.flow.component.html.Span;
import com.yieldpilot.market.PoolRiskBadge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RiskBadgeTest {

	@Test
	void heuristicScoresSayHeuristicInTheBadgeAndTheTooltip() {
		Span span = RiskBadge
			.of(new PoolRiskBadge(0.314, "medium", "heuristic", true, List.of("TVL fell 12% in 7 days: +0.06")));

		assertThat(span.getText()).isEqualTo("medium 0.31 · heuristic");
		assertThat(span.getClassNames()).contains("risk-badge", "risk-medium", "risk-heuristic");
		assertThat(span.getElement().getAttribute("title"))
			.isEqualTo("Heuristic score (no model for this pool yet):\nTVL fell 12% in 7 days: +0.06");
	}

	@Test
	void aPoolWithoutAScoreHasAnEmptyBadge() {
		Span span = RiskBadge.of(null);

		assertThat(span.getText()).isEmpty();
		assertThat(span.getClassNames()).isEmpty();
	}

}
