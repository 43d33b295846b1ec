package com.yieldpilot.market.internal.devnet;

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

	private final RealizedApy apy = new RealizedApy(60, Duration.ofHours(1), Duration.ofDays(1));

	@Test
	void growthOverRealTimeIsAnnualisedOverTheSimulatedTimeItStandsFor() {
		// a real minute at 60x is a simulated hour: 4% a year compounded over an hour
		BigDecimal later = BigDecimal.valueOf(Math.pow(1.04, 1 / (365 * 24.0)));
		assertThat(this.apy.observe(POOL, BigDecimal.ONE, T0)).isEmpty();

		assertThat(this.apy.observe(POOL, later, T0.plusSeconds(60))).hasValueCloseTo(4.0, within(1e-6));
	}

	@Test
	void reportsNothingUntilTheWindowSpansTheMinimumThenMovesTheReference() {
		this.apy.observe(POOL, BigDecimal.ONE, T0);
		assertThat(this.apy.observe(POOL, new BigDecimal("1.000001"), T0.plusSeconds(30))).isEmpty();

		assertThat(this.apy.observe(POOL, new BigDecimal("1.000002"), T0.plusSeconds(60))).isPresent();
		assertThat(this.apy.observe(POOL, new BigDecimal("1.000003"), T0.plusSeconds(90)))
			.as("the reference moved to the last report")
			.isEmpty();
	}

	@Test
	void aFallingSharePriceIsANegativeApy() {
		this.apy.observe(POOL, BigDecimal.ONE, T0);

		assertThat(this.apy.observe(POOL, new BigDecimal("0.2"), T0.plusSeconds(120)).getAsDouble()).isCloseTo(-100,
				within(1e-9));
	}

	@Test
	void aGapLongerThanTheMaximumStartsOver() {
		this.apy.observe(POOL, BigDecimal.ONE, T0);
		Instant afterSuspend = T0.plus(Duration.ofHours(1));

		assertThat(this.apy.observe(POOL, new BigDecimal("1.0001"), afterSuspend)).isEmpty();
		assertThat(this.apy.observe(POOL, new BigDecimal("1.0002"), afterSuspend.plusSeconds(60))).isPresent();
	}

	@Test
	void poolsHaveTheirOwnReferences() {
		PoolId other = PoolId.parse("morpho:base:USDC-prime");
		this.apy.observe(POOL, BigDecimal.ONE, T0);

		assertThat(this.apy.observe(other, BigDecimal.ONE, T0.plusSeconds(60))).isEmpty();
	}

	@Test
	void refusesWindowsThatCannotHold() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RealizedApy(60, Duration.ofHours(2), Duration.ofHours(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RealizedApy(0, Duration.ofHours(1), Duration.ofDays(1)));
	}

}
