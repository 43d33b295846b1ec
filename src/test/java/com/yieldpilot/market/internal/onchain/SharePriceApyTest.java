package com.yieldpilot.market.internal.onchain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class SharePriceApyTest {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void aYearOfFivePercentGrowthIsFivePercent() {
		assertThat(SharePriceApy.percent(new BigDecimal("1.00"), T0, new BigDecimal("1.05"),
				T0.plus(Duration.ofDays(365))))
			.isCloseTo(5.0, within(1e-9));
	}

	@Test
	void aDayOfGrowthIsCompoundedToAYear() {
		double daily = Math.pow(1.05, 1.0 / 365);
		assertThat(SharePriceApy.percent(BigDecimal.ONE, T0, BigDecimal.valueOf(daily), T0.plus(Duration.ofDays(1))))
			.isCloseTo(5.0, within(1e-6));
	}

	@Test
	void aFallingSharePriceGivesANegativeApy() {
		assertThat(SharePriceApy.percent(BigDecimal.ONE, T0, new BigDecimal("0.9"), T0.plus(Duration.ofDays(365))))
			.isCloseTo(-10.0, within(1e-9));
	}

	@Test
	void refusesObservationsOutOfOrder() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SharePriceApy.percent(BigDecimal.ONE, T0, BigDecimal.ONE, T0))
			.withMessageContaining("after");
	}

}
