package com.yieldpilot.market.ui;

import com.vaadin.flow.component.html.Span;
import com.yieldpilot.market.PoolInconsistency;
import com.yieldpilot.market.PoolSnapshot;

/**
 * The pools grid's mark of a pool whose sources disagree: no action may touch it until
 * they agree again. Its title says why.
 */
final class TrustBadge {

	private TrustBadge() {
	}

	static Span of(PoolSnapshot snapshot) {
		PoolInconsistency inconsistency = snapshot.inconsistency();
		if (inconsistency == null) {
			return new Span();
		}
		Span badge = new Span("sources disagree");
		badge.addClassNames("freshness", "stale", "inconsistent");
		badge.getElement().setAttribute("title", inconsistency.reason());
		return badge;
	}

}
