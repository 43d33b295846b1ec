package com.yieldpilot.market;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import com.yieldpilot.shared.PoolId;

/**
 * What a pool's numbers must be before funds may move into or out of it: an APY, and no
 * stale APY, TVL or risk score. The rules runtime asks it before a rule proposes an
 * intent (a firing that meets stale data waits until the data is fresh), and the
 * guardrails ask it again in their review; both say why in the same words.
 */
public final class ActionFreshness {

	/** The metrics an action's pools must have fresh, when they have them at all. */
	public static final List<Metric> WATCHED = List.of(Metric.APY, Metric.TVL, Metric.RISK);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private ActionFreshness() {
	}

	/** A metric's newest value as far as freshness goes. */
	public record Observed(Instant observedAt, Source source, boolean stale) {

		static Observed of(LatestValue value) {
			return new Observed(value.observedAt(), value.source(), value.stale());
		}

		static Observed of(LiveValue value) {
			return new Observed(value.observedAt(), value.source(), value.stale());
		}

	}

	/**
	 * Why the pool's numbers are too old to act on, e.g. "its risk was last observed at
	 * 2026-11-23 17:28 UTC (risk_model)", or empty when they are fresh enough.
	 * @param newest a watched metric's newest value, empty when the market has none
	 */
	public static Optional<String> staleness(Function<Metric, Optional<Observed>> newest) {
		if (newest.apply(Metric.APY).isEmpty()) {
			return Optional.of("it has no apy");
		}
		for (Metric metric : WATCHED) {
			Optional<Observed> value = newest.apply(metric);
			if (value.isPresent() && value.get().stale()) {
				return Optional
					.of("its " + metric.ruleName() + " was last observed at " + TIME.format(value.get().observedAt())
							+ " (" + value.get().source().name().toLowerCase(Locale.ROOT) + ")");
			}
		}
		return Optional.empty();
	}

	/** {@link #staleness(Function)} of a pool's stored snapshot. */
	public static Optional<String> staleness(PoolSnapshot snapshot) {
		return staleness(metric -> snapshot.value(metric).map(Observed::of));
	}

	/** {@link #staleness(Function)} of a pool as this node's live market has it. */
	public static Optional<String> staleness(LiveMarket market, PoolId pool) {
		return staleness(metric -> market.latest(new SeriesKey(pool.toString(), metric)).map(Observed::of));
	}

}
