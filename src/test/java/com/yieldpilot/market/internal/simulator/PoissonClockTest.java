package com.yieldpilot.market.internal.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PoissonClockTest {

	@Test
	void eventTimesDoNotDependOnHowOftenTheClockIsPolled() {
		// seven years polled hourly, monthly, and once
		assertThat(arrivals(7 * 8760)).isEqualTo(arrivals(7 * 12)).isEqualTo(arrivals(1)).hasSizeGreaterThan(5);
	}

	/** Poisson(3 × 1000): the count lies within four standard deviations (√3000 ≈ 55). */
	@Test
	void countsMatchTheRateOverALongSpan() {
		PoissonClock clock = new PoissonClock(new SplittableRandom(5), 3);
		int count = 0;
		while (clock.next() <= 1000) {
			clock.fire();
			count++;
		}
		assertThat(count).isBetween(3000 - 220, 3000 + 220);
	}

	@Test
	void aZeroRateOrAStoppedClockNeverFires() {
		assertThat(new PoissonClock(new SplittableRandom(5), 0).next()).isEqualTo(Double.POSITIVE_INFINITY);
		PoissonClock clock = new PoissonClock(new SplittableRandom(5), 100);
		assertThat(clock.next()).isFinite();
		clock.stop();
		assertThat(clock.next()).isEqualTo(Double.POSITIVE_INFINITY);
	}

	private static List<Double> arrivals(int polls) {
		PoissonClock clock = new PoissonClock(new SplittableRandom(42), 4);
		List<Double> times = new ArrayList<>();
		for (int poll = 1; poll <= polls; poll++) {
			double until = 7.0 * poll / polls;
			while (clock.next() <= until) {
				times.add(clock.fire());
			}
		}
		return times;
	}

}
