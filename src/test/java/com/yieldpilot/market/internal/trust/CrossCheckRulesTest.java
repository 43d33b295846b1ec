package com.yieldpilot.market.internal.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.store.Comparison;
import com.yieldpilot.shared.PoolId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The tolerance edges: APYs in percentage points, TVL and prices relative to the larger
 * value, equal to the tolerance still agreeing, values observed too far apart not
 * compared.
 */
class CrossCheckRulesTest {

	private static final PoolId POOL = PoolId.parse("aave-v3:base:USDC");

	private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

	private static final CrossCheckProperties DEFAULTS = CrossCheckProperties.defaults();

	@ParameterizedTest(name = "{0}: {1} vs {2} -> consistent {3}")
	@CsvSource(textBlock = """
			APY,        5.0,        4.0,        true
			APY,        5.2,        4.2,        true
			APY,        4.2,        5.2,        true
			APY,        5.21,       4.2,        false
			APY_BASE,   3.0,        4.0001,     false
			APY_REWARD, 0.0,        1.0,        true
			TVL,        1000000,    900000,     true
			TVL,        900000,     1000000,    true
			TVL,        1000000,    899999,     false
			TVL,        0,          0,          true
			TVL,        100000000,  0,          false
			PRICE,      1.0,        0.98,       true
			PRICE,      1.0,        0.9799,     false
			""")
	void agreesUpToTheToleranceInclusive(Metric metric, double reference, double chain, boolean consistent) {
		Comparison comparison = compare(metric, reference, AT, chain, AT).orElseThrow();
		assertThat(comparison.consistent()).isEqualTo(consistent);
		assertThat(comparison.tolerance()).isEqualTo(DEFAULTS.tolerance(metric).orElseThrow());
	}

	@Test
	void differenceIsInPointsForApysAndAFractionOfTheLargerValueOtherwise() {
		assertThat(compare(Metric.APY, 5.5, AT, 3.0, AT).orElseThrow().difference()).isCloseTo(2.5, within(1e-12));
		assertThat(compare(Metric.TVL, 80, AT, 100, AT).orElseThrow().difference()).isCloseTo(0.2, within(1e-12));
	}

	@Test
	void valuesObservedFurtherApartThanTheSkewAreNotCompared() {
		Instant later = AT.plus(DEFAULTS.maxSkew());
		assertThat(compare(Metric.APY, 9.0, AT, 1.0, later)).as("exactly the skew apart").isPresent();
		assertThat(compare(Metric.APY, 9.0, AT, 1.0, later.plusSeconds(1))).isEmpty();
		assertThat(compare(Metric.APY, 9.0, later.plusSeconds(1), 1.0, AT)).isEmpty();
	}

	@Test
	void verdictIsDatedFromTheLaterObservation() {
		Comparison comparison = compare(Metric.APY, 9.0, AT, 1.0, AT.plusSeconds(90)).orElseThrow();
		assertThat(comparison.since()).isEqualTo(AT.plusSeconds(90));
		assertThat(comparison.referenceAt()).isEqualTo(AT);
		assertThat(comparison.disagreement().describe())
			.isEqualTo("apy: DEFILLAMA 9 % vs CHAIN 1 %, 8 points apart (tolerance 1)");
	}

	@Test
	void onlyApysTvlAndPricesAreCompared() {
		assertThat(DEFAULTS.tolerance(Metric.SHARE_PRICE)).isEmpty();
		assertThat(DEFAULTS.tolerance(Metric.GAS)).isEmpty();
		assertThat(DEFAULTS.tolerance(Metric.RISK)).isEmpty();
	}

	private static Optional<Comparison> compare(Metric metric, double reference, Instant referenceAt, double chain,
			Instant chainAt) {
		return CrossCheckRules.compare(POOL,
				new MetricSample(POOL.toString(), metric, referenceAt, reference, Source.DEFILLAMA, null),
				new MetricSample(POOL.toString(), metric, chainAt, chain, Source.CHAIN, 123L),
				DEFAULTS.tolerance(metric).orElseThrow(), DEFAULTS.maxSkew(), AT);
	}

}
