package com.yieldpilot.rules.internal.runtime;

import java.util.HashSet;
import java.util.Set;

import com.yieldpilot.market.ActionFreshness;
import com.yieldpilot.market.MarketUpdated;
import com.yieldpilot.market.Metric;
import com.yieldpilot.rules.internal.engine.TermKey;
import com.yieldpilot.shared.PoolId;

/**
 * What a shard's rules read, as "subject|metric" pairs a market update can be checked
 * against: a shard none of whose pool or chain terms an update touched has nothing to
 * re-evaluate for it. Terms of assets and of the farmer's vault, and metrics the market
 * does not name, are not told apart: a shard with any of them is concerned by every
 * update.
 */
record WatchedTerms(Set<String> pairs, boolean everything) {

	/** For a shard not built on this node yet: it is built at its next evaluation. */
	static final WatchedTerms ALL = new WatchedTerms(Set.of(), true);

	WatchedTerms {
		pairs = Set.copyOf(pairs);
	}

	static WatchedTerms of(Set<TermKey> terms) {
		return of(terms, Set.of());
	}

	/**
	 * The terms, and the metrics {@link ActionFreshness} checks of pools that rules
	 * waiting for a block to clear would touch: an update of those may clear it.
	 */
	static WatchedTerms of(Set<TermKey> terms, Set<PoolId> waitingPools) {
		Set<String> pairs = new HashSet<>();
		for (PoolId pool : waitingPools) {
			for (Metric metric : ActionFreshness.WATCHED) {
				pairs.add(pool + "|" + metric.ruleName());
			}
		}
		for (TermKey term : terms) {
			boolean market = Metric.byRuleName(term.metric()).filter((m) -> m.scope() != Metric.Scope.ASSET).isPresent()
					&& (term.subject().startsWith("chain:") || PoolId.tryParse(term.subject()).isPresent());
			if (!market) {
				return ALL;
			}
			pairs.add(term.subject() + "|" + term.metric());
		}
		return new WatchedTerms(pairs, false);
	}

	/** Whether the update wrote a value any of these terms reads. */
	boolean concerns(Change change) {
		if (this.everything) {
			return true;
		}
		for (String pair : this.pairs) {
			if (change.pairs().contains(pair)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The "subject|metric" pairs a market update wrote (its pools and chains times its
	 * metrics), built once and checked against every shard.
	 */
	record Change(Set<String> pairs) {

		static Change of(MarketUpdated update) {
			Set<String> pairs = new HashSet<>();
			for (Metric metric : update.metrics()) {
				for (PoolId pool : update.pools()) {
					pairs.add(pool + "|" + metric.ruleName());
				}
				for (String chain : update.chains()) {
					pairs.add("chain:" + chain + "|" + metric.ruleName());
				}
			}
			return new Change(pairs);
		}

	}

}
