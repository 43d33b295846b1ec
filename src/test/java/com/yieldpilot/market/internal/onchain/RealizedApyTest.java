package com.yieldpilot.market.internal.onchain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.yieldpilot.shared.PoolId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class RealizedApyTest {

	private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");

	private static final PoolId POOL = PoolId.parse("aave-v3:base:USDC");

	private final RealizedApy apy = new RealizedApy(Duration.ofHours(1));

	@Test
	void shareGrowthIsAnnualisedOverTheSimulatedTimeBetweenReads() {
		BigDecimal later = BigDecimal.valueOf(Math.pow(1.04, 6 / (365 * 24.0)));
		assertThat(this.apy.observe(POOL, BigDecimal.ONE, T0)).isEmpty();

		assertThat(this.apy.observe(POOL, later, T0.plus(Duration.ofHours(6)))).hasValueCloseTo(4.0, within(1e-9));
	}

	@Test
	void reportsNothingUntilTheWindowSpansTheMinimumThenMovesTheReference() {
		this.apy.observe(POOL, BigDecimal.ONE, T0);
		assertThat(this.apy.observe(POOL, new BigDecimal("1.000001"), T0.plus(Duration.ofMinutes(30)))).isEmpty();

		assertThat(this.apy.observe(POOL, new BigDecimal("1.000002"), T0.plus(Duration.ofHours(1)))).isPresent();
		assertThat(this.apy.observe(POOL, new BigDecimal("1.000003"), T0.plus(Duration.ofMinutes(90))))
			.as("the reference moved to the last report")
			.isEmpty();
	}

	@Test
	void aFallingSharePriceIsANegativeApy() {
		this.apy.observe(POOL, BigDecimal.ONE, T0);

		assertThat(this.apy.observe(POOL, new BigDecimal("0.2"), T0.plus(Duration.ofHours(2))).getAsDouble())
			.isCloseTo(-100, within(1e-9));
	}

	@Test
	void aReadThatGoesBackInSimulatedTimeStartsOver() {
		this.apy.observe(POOL, BigDecimal.ONE, T0);
		Instant restarted = T0.minus(Duration.ofDays(3));

		assertThat(this.apy.observe(POOL, new BigDecimal("1.0001"), restarted)).isEmpty();
		assertThat(this.apy.observe(POOL, new BigDecimal("1.0002"), restarted.plus(Duration.ofHours(1))))
			.hasValueCloseTo(Math.expm1(Math.log(1.0002 / 1.0001) * 365 * 24) * 100, within(1e-6));
	}

	@Test
	void poolsHaveTheirOwnReferences() {
		PoolId other = PoolId.parse("morpho:base:USDC-prime");
		this.apy.observe(POOL, BigDecimal.ONE, T0);

		assertThat(this.apy.observe(other, BigDecimal.ONE, T0.plus(Duration.ofHours(2)))).isEmpty();
	}

	@Test
	void refusesAnEmptyWindow() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RealizedApy(Duration.ZERO));
	}

}
