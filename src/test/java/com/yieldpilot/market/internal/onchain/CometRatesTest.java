package com.yieldpilot.market.internal.onchain;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CometRatesTest {

	@Test
	void compoundsTheRatePerSecondOverCometsYear() {
		// 5% a year as Comet's per-second rate: 0.05 / 31,536,000 scaled by 1e18
		BigInteger fivePercentApr = BigInteger.valueOf(1_585_489_599L);

		assertThat(CometRates.apyPercent(fivePercentApr)).isCloseTo(Math.expm1(0.05) * 100, within(1e-6))
			.isCloseTo(5.1271, within(1e-4));
		assertThat(CometRates.apyPercent(BigInteger.ZERO)).isZero();
	}

	@Test
	void utilizationIsScaledBy1e18() {
		CometRates.Market market = new CometRates.Market("0x0", BigInteger.ONE, new BigInteger("912500000000000000"),
				BigInteger.TEN, BigInteger.ZERO);

		assertThat(market.utilizationRatio()).isEqualTo(0.9125);
	}

}
