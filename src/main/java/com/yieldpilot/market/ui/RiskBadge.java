package com.yieldpilot.market.ui;

import java.util.List;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.yieldpilot.market.PoolRiskBadge;
import org.jspecify.annotations.Nullable;

/**
 * A pool's risk badge: its band, score and model version (or "heuristic"), coloured by
 * band, with the explanation as its tooltip; the pool page adds the explanation as a
 * list.
 */
final class RiskBadge {

	private RiskBadge() {
	}

	/** The badge, empty for a pool without a score. */
	static Span of(@Nullable PoolRiskBadge badge) {
		if (badge == null) {
			return new Span();
		}
		Span span = new Span(badge.text());
		span.addClassNames("risk-badge", "risk-" + badge.band());
		if (badge.heuristic()) {
			span.addClassName("risk-heuristic");
		}
		span.getElement().setAttribute("title", tooltip(badge));
		return span;
	}

	/** "Why this score": the explanation, largest contribution first. */
	static Details explanation(PoolRiskBadge badge) {
		UnorderedList lines = new UnorderedList();
		badge.explanation().forEach(line -> lines.add(new ListItem(line)));
		Details details = new Details("Why this score", lines);
		details.setId("risk-explanation");
		details.setOpened(true);
		return details;
	}

	static String tooltip(PoolRiskBadge badge) {
		String scoredBy = badge.heuristic() ? "Heuristic score (no model for this pool yet)"
				: "Scored by model " + badge.model();
		List<String> lines = badge.explanation();
		return lines.isEmpty() ? scoredBy : scoredBy + ":\n" + String.join("\n", lines);
	}

}
