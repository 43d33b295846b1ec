package com.yieldpilot.execution.internal.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.yieldpilot.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ETH price's cache policy: one reading serves every caller for the kept time, the
 * first call after it reads again, and a clock that moved back never keeps a reading from
 * its future.
 */
class RecentValueTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));

	private final AtomicInteger reads = new AtomicInteger();

	private final RecentValue<Integer> value = new RecentValue<>(Duration.ofSeconds(5), this.clock,
			this.reads::incrementAndGet);

	@Test
	void oneReadingServesEveryCallerForTheKeptTime() {
		assertThat(this.value.get()).isEqualTo(1);
		this.clock.advance(Duration.ofMillis(4_999));

		assertThat(this.value.get()).isEqualTo(1);
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void theFirstCallAfterTheKeptTimeReadsAgainAndKeepsThatReading() {
		this.value.get();
		this.clock.advance(Duration.ofSeconds(5));

		assertThat(this.value.get()).isEqualTo(2);
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(this.value.get()).isEqualTo(2);
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void aClockThatMovedBackReadsAgain() {
		this.value.get();
		this.clock.advance(Duration.ofSeconds(-1));

		assertThat(this.value.get()).isEqualTo(2);
	}

}
