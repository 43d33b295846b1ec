package com.yieldpilot.rules.internal.runtime;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.market.LiveValue;
import com.yieldpilot.rules.RuleTrace;
import com.yieldpilot.rules.internal.engine.TermKey;
import com.yieldpilot.rules.internal.engine.Truth;
import com.yieldpilot.rules.lang.Durations;

/**
 * What a trace says, in the farmer's words: each condition as written with its result and
 * the values it read, terms written as in a rule, and why a rule is not met or not
 * evaluated.
 */
final class TraceText {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private TraceText() {
	}

	/** A time as traces write it, to the minute in UTC: {@code 2026-11-23 09:00 UTC}. */
	static String time(Instant at) {
		return TIME.format(at);
	}

	/**
	 * Why a scheduled run waited, without what its trace added about trying it again.
	 */
	static String withoutRetry(String waits) {
		String reason = waits.endsWith(RuleFirings.SCHEDULED_RUN_WAITS)
				? waits.substring(0, waits.length() - RuleFirings.SCHEDULED_RUN_WAITS.length()) : waits;
		return reason.startsWith("blocked: ") ? reason.substring("blocked: ".length()) : reason;
	}

	static List<RuleTrace.ConditionResult> conditions(LiveRule rule, List<Truth> truths,
			Map<TermKey, Optional<LiveValue>> values) {
		List<RuleTrace.ConditionResult> results = new ArrayList<>();
		for (int i = 0; i < rule.parts().size(); i++) {
			LiveRule.Part part = rule.parts().get(i);
			Truth truth = (i < truths.size()) ? truths.get(i) : Truth.UNKNOWN;
			List<RuleTrace.Evidence> evidence = part.terms().stream().map(term -> {
				Optional<LiveValue> value = values.getOrDefault(term, Optional.empty());
				return new RuleTrace.Evidence(term(term),
						value.map(v -> BigDecimal.valueOf(v.value()).stripTrailingZeros()).orElse(null),
						value.map(v -> v.source().name()).orElse(null), value.map(LiveValue::observedAt).orElse(null),
						value.map(LiveValue::stale).orElse(false));
			}).toList();
			results.add(new RuleTrace.ConditionResult(part.text(), truth.name().toLowerCase(Locale.ROOT), evidence));
		}
		return results;
	}

	/** A term as a farmer writes it: {@code avg(apy(aave-v3:base:USDC), 24h)}. */
	static String term(TermKey key) {
		String subject = key.subject();
		int colon = subject.indexOf(':');
		if (subject.startsWith(MarketReadings.VAULT_PREFIX)) {
			subject = subject.substring(subject.indexOf('/') + 1);
			colon = subject.indexOf(':');
		}
		if (subject.startsWith("chain:") || subject.startsWith(MarketReadings.ASSET_PREFIX)) {
			subject = subject.substring(colon + 1);
		}
		String latest = key.metric() + "(" + subject + ")";
		if (key.aggregate() == null || key.window() == null) {
			return latest;
		}
		String function = (key.aggregate() == TermKey.Aggregate.PCT_CHANGE) ? "pctchange"
				: key.aggregate().name().toLowerCase(Locale.ROOT);
		return function + "(" + latest + ", " + Durations.format(key.window()) + ")";
	}

	static String falseParts(List<RuleTrace.ConditionResult> conditions) {
		return String.join("; ",
				conditions.stream()
					.filter(c -> c.result().equals("false"))
					.map(RuleTrace.ConditionResult::condition)
					.toList());
	}

	static String unknownTerms(List<RuleTrace.ConditionResult> conditions) {
		List<String> terms = conditions.stream()
			.flatMap(c -> c.values().stream())
			.filter(e -> e.value() == null || e.stale())
			.map(e -> e.term() + ((e.value() == null) ? " has no value" : " is stale"))
			.distinct()
			.toList();
		return terms.isEmpty() ? "a value the conditions need is missing or stale" : String.join("; ", terms);
	}

}
