package com.yieldpilot.market;

import java.util.Locale;

import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * What the pools explorer asks for; every criterion is optional and {@code null} means
 * "any". Chain, protocol and asset match exactly, in any case. The bounds read the newest
 * value of a metric across sources: APY in percent (4.2 means 4.2 %), TVL in US dollars,
 * the risk score from 0 (safe) to 1. A pool without the metric a bound reads does not
 * pass that bound, so a pool without a risk score passes only when no maximum risk is
 * set. The text matches anywhere in the pool id, in any case.
 */
public record PoolFilter(@Nullable String chain, @Nullable String protocol, @Nullable String asset,
		@Nullable Double minApy, @Nullable Double maxApy, @Nullable Double minTvl, @Nullable Double maxRisk,
		@Nullable String text) {

	/** The longest chain, protocol or asset name, as in a pool id. */
	public static final int NAME_MAX_LENGTH = 40;

	/** The longest search text: a whole pool id. */
	public static final int TEXT_MAX_LENGTH = PoolId.MAX_LENGTH;

	private static final PoolFilter ANY = new PoolFilter(null, null, null, null, null, null, null, null);

	public PoolFilter {
		chain = name(chain, "chain");
		protocol = name(protocol, "protocol");
		asset = name(asset, "asset");
		text = clean(text, "search text", TEXT_MAX_LENGTH);
		finite(minApy, "minimum APY");
		finite(maxApy, "maximum APY");
		finite(minTvl, "minimum TVL");
		finite(maxRisk, "maximum risk");
		if (minApy != null && maxApy != null && minApy > maxApy) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
					"The minimum APY (%s %%) is above the maximum APY (%s %%): lower the minimum or raise the maximum.",
					minApy, maxApy));
		}
		if (minTvl != null && minTvl < 0) {
			throw new IllegalArgumentException(
					"The minimum TVL is in US dollars and cannot be negative, not " + minTvl + ".");
		}
		if (maxRisk != null && (maxRisk < 0 || maxRisk > 1)) {
			throw new IllegalArgumentException(
					"The maximum risk is a score from 0 (safe) to 1 (risky), not " + maxRisk + ".");
		}
	}

	/** Every pool. */
	public static PoolFilter any() {
		return ANY;
	}

	/** Pools whose id contains the text, in any case. */
	public static PoolFilter matching(@Nullable String text) {
		return new PoolFilter(null, null, null, null, null, null, null, text);
	}

	/** Whether the filter reads the newest value of this metric. */
	public boolean reads(Metric metric) {
		return switch (metric) {
			case APY -> this.minApy != null || this.maxApy != null;
			case TVL -> this.minTvl != null;
			case RISK -> this.maxRisk != null;
			default -> false;
		};
	}

	private static @Nullable String name(@Nullable String value, String what) {
		return clean(value, what, NAME_MAX_LENGTH);
	}

	private static @Nullable String clean(@Nullable String value, String what, int maxLength) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > maxLength) {
			throw new IllegalArgumentException(
					"The " + what + " has at most " + maxLength + " characters, not " + stripped.length() + ".");
		}
		if (stripped.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("The " + what + " cannot contain control characters.");
		}
		return stripped;
	}

	private static void finite(@Nullable Double value, String what) {
		if (value != null && !Double.isFinite(value)) {
			throw new IllegalArgumentException("The " + what + " must be a number, not " + value + ".");
		}
	}

}
