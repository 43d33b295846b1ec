package com.yieldpilot.rules.ui;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.yieldpilot.market.MarketData;
import com.yieldpilot.rules.check.MetricSpec;
import com.yieldpilot.rules.check.RuleVocabulary;

/**
 * What the builder's pickers offer, from the metric catalog: metric names, pools (a page
 * at a time, matching what the farmer typed), and the chains and assets metrics can be
 * read for.
 */
class BuilderChoices {

	private final MarketData market;

	private final RuleVocabulary vocabulary;

	BuilderChoices(MarketData market, RuleVocabulary vocabulary) {
		this.market = market;
		this.vocabulary = vocabulary;
	}

	List<String> metrics() {
		return MetricSpec.all().stream().map(MetricSpec::name).toList();
	}

	/** Pools whose id contains the text. */
	Stream<String> pools(String filter, int offset, int limit) {
		return this.market.search(filter, offset, limit).stream().map(p -> p.pool().id().toString());
	}

	/**
	 * Chains and assets containing the text, then pools: whatever a metric is read for.
	 */
	Stream<String> subjects(String filter, int offset, int limit) {
		String lower = filter.toLowerCase(Locale.ROOT);
		List<String> named = Stream.concat(this.vocabulary.chains().stream(), this.vocabulary.assets().stream())
			.filter(n -> n.toLowerCase(Locale.ROOT).contains(lower))
			.sorted()
			.toList();
		if (offset < named.size()) {
			return Stream.concat(named.stream().skip(offset), pools(filter, 0, limit)).limit(limit);
		}
		return pools(filter, offset - named.size(), limit);
	}

	/** Token symbols for amounts: the assets pools hold. */
	List<String> tokens() {
		return this.vocabulary.assets().stream().sorted().toList();
	}

}
