package com.yieldpilot.market.internal.live;

import java.time.Duration;
import java.time.Instant;

import com.yieldpilot.market.WindowAggregate;
import com.yieldpilot.market.internal.store.SampleBucket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BucketRingTest {

	private static final Instant START = Instant.parse("2026-11-21T00:00:00Z");

	/** One hour of samples, one a minute: 1, 2, ... 60, then asked at the end. */
	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource({ "AVG, 30.5", "MIN, 1", "MAX, 60", "CHANGE, 59", "PCT_CHANGE, 5900" })
	void aggregatesTheWholeWindow(WindowAggregate aggregate, double expected) {
		BucketRing ring = new BucketRing(Duration.ofHours(1));
		for (int minute = 0; minute < 60; minute++) {
			ring.add(START.plus(Duration.ofMinutes(minute)), minute + 1);
		}
		assertThat(ring.value(aggregate, START.plus(Duration.ofSeconds(3599)))).isCloseTo(expected, within(1e-9));
	}

	@Test
	void samplesLeaveTheWindowAsTimePasses() {
		BucketRing ring = new BucketRing(Duration.ofHours(1));
		ring.add(START, 10);
		ring.add(START.plus(Duration.ofMinutes(30)), 20);
		assertThat(ring.value(WindowAggregate.AVG, START.plus(Duration.ofMinutes(59)))).isEqualTo(15);
		// an hour after the first sample it is out; the second stays for another
		// half hour
		assertThat(ring.value(WindowAggregate.AVG, START.plus(Duration.ofMinutes(60)))).isEqualTo(20);
		assertThat(ring.value(WindowAggregate.CHANGE, START.plus(Duration.ofMinutes(60)))).isZero();
		assertThat(ring.value(WindowAggregate.AVG, START.plus(Duration.ofMinutes(90)))).isNaN();
	}

	@Test
	void aSampleTooOldForTheRingIsIgnoredAndANewBucketReplacesTheOneItsSlotHeld() {
		BucketRing ring = new BucketRing(Duration.ofHours(1));
		ring.add(START.plus(Duration.ofMinutes(61)), 5);
		ring.add(START.plus(Duration.ofMinutes(1)), 100); // same slot, an hour older
		assertThat(ring.value(WindowAggregate.MAX, START.plus(Duration.ofMinutes(61)))).isEqualTo(5);
	}

	@Test
	void loadedBucketsCountOnceEvenWhenTheFeedRepeatsTheirSamples() {
		BucketRing ring = new BucketRing(Duration.ofHours(1));
		ring.load(new SampleBucket(START.toEpochMilli() / 60_000, 2, 8, 3, 5, START, 3,
				START.plus(Duration.ofSeconds(30)), 5));
		ring.add(START.plus(Duration.ofSeconds(30)), 5);
		ring.add(START.plus(Duration.ofMinutes(2)), 11);
		assertThat(ring.value(WindowAggregate.AVG, START.plus(Duration.ofMinutes(3)))).isCloseTo(19.0 / 3,
				within(1e-9));
		assertThat(ring.value(WindowAggregate.PCT_CHANGE, START.plus(Duration.ofMinutes(3)))).isCloseTo(8.0 / 3 * 100,
				within(1e-9));
	}

	@Test
	void aChangeRelativeToZeroIsNotANumber() {
		BucketRing ring = new BucketRing(Duration.ofHours(1));
		ring.add(START, 0);
		ring.add(START.plus(Duration.ofMinutes(5)), 3);
		assertThat(ring.value(WindowAggregate.PCT_CHANGE, START.plus(Duration.ofMinutes(6)))).isNaN();
		assertThat(ring.value(WindowAggregate.CHANGE, START.plus(Duration.ofMinutes(6)))).isEqualTo(3);
	}

}
