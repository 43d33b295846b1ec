package com.yieldpilot.market.internal.onchain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The APY a vault realized between two share-price observations, compounded to a year of
 * 365 days.
 */
public final class SharePriceApy {

	private static final double SECONDS_PER_YEAR = 365 * 24 * 3600.0;

	private SharePriceApy() {
	}

	/**
	 * @return the APY in percent; negative when the share price fell
	 * @throws IllegalArgumentException when the observations are not in time order or a
	 * price is not positive
	 */
	public static double percent(BigDecimal earlierPrice, Instant earlier, BigDecimal laterPrice, Instant later) {
		if (earlierPrice.signum() <= 0 || laterPrice.signum() <= 0) {
			throw new IllegalArgumentException("Share prices must be positive");
		}
		long seconds = Duration.between(earlier, later).toSeconds();
		if (seconds <= 0) {
			throw new IllegalArgumentException("The later observation must come after the earlier one");
		}
		double growth = laterPrice.doubleValue() / earlierPrice.doubleValue();
		return Math.expm1(Math.log(growth) * SECONDS_PER_YEAR / seconds) * 100;
	}

}
