package com.yieldpilot.market.internal.trust;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.Source;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the cross-check, {@code yieldpilot.market.cross-check.*}.
 *
 * @param enabled whether pools are cross-checked at all
 * @param references the sources checked against the chain
 * @param maxSkew values observed further apart than this are not compared
 * @param apyPoints how far APYs ({@code apy}, {@code apyBase}, {@code apyReward}) may be
 * apart, in percentage points
 * @param tvlRelative how far TVLs may be apart, as a fraction of the larger one
 * @param priceRelative how far asset prices may be apart, as a fraction of the larger one
 */
@ConfigurationProperties("yieldpilot.market.cross-check")
public record CrossCheckProperties(@DefaultValue("true") boolean enabled, @DefaultValue( {
		"DEFILLAMA", "SIMULATOR" }) List<Source> references, @DefaultValue("30m") Duration maxSkew,
		@DefaultValue("1.0") double apyPoints, @DefaultValue("0.10") double tvlRelative,
		@DefaultValue("0.02") double priceRelative){

	public CrossCheckProperties {
		references = List.copyOf(references);
		Objects.requireNonNull(maxSkew, "max-skew");
		if (references.contains(Source.CHAIN) || references.contains(Source.IMPORT)) {
			throw new IllegalArgumentException(
					"yieldpilot.market.cross-check.references are checked against the chain: CHAIN and IMPORT cannot be references");
		}
		if (maxSkew.isNegative() || maxSkew.isZero()) {
			throw new IllegalArgumentException("yieldpilot.market.cross-check.max-skew must be positive");
		}
		requireTolerance(apyPoints, "apy-points");
		requireTolerance(tvlRelative, "tvl-relative");
		requireTolerance(priceRelative, "price-relative");
	}

	/** The defaults. */
	public static CrossCheckProperties defaults() {
		return new CrossCheckProperties(true, List.of(Source.DEFILLAMA, Source.SIMULATOR), Duration.ofMinutes(30), 1.0,
				0.10, 0.02);
	}

	/** The tolerance of a metric, or empty when the metric is not cross-checked. */
	public Optional<Double> tolerance(Metric metric) {
		return switch (metric) {
			case APY, APY_BASE, APY_REWARD -> Optional.of(this.apyPoints);
			case TVL -> Optional.of(this.tvlRelative);
			case PRICE -> Optional.of(this.priceRelative);
			default -> Optional.empty();
		};
	}

	private static void requireTolerance(double value, String name) {
		if (!(value >= 0) || !Double.isFinite(value)) {
			throw new IllegalArgumentException(
					"yieldpilot.market.cross-check." + name + " must be zero or more, not " + value);
		}
	}

}
