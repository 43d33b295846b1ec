package com.yieldpilot.market.internal.history;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Failed backfills wait longer after each failure, up to a day. */
class BackfillPropertiesTest {

	@Test
	void retryDelayDoublesUpToTheMaximum() {
		BackfillProperties properties = BackfillProperties.defaults();
		assertThat(properties.retryDelay(1)).isEqualTo(Duration.ofMinutes(10));
		assertThat(properties.retryDelay(2)).isEqualTo(Duration.ofMinutes(20));
		assertThat(properties.retryDelay(4)).isEqualTo(Duration.ofMinutes(80));
		assertThat(properties.retryDelay(8)).isEqualTo(Duration.ofMinutes(1280));
		assertThat(properties.retryDelay(9)).isEqualTo(Duration.ofDays(1));
		assertThat(properties.retryDelay(1000)).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void refusesSettingsThatWouldNeverRunOrHammer() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new BackfillProperties(true, Duration.ZERO, 10, Duration.ofMinutes(1), Duration.ofDays(1)))
			.withMessageContaining("yieldpilot.market.backfill.interval");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BackfillProperties(true, Duration.ofSeconds(30), 0, Duration.ofMinutes(1),
					Duration.ofDays(1)))
			.withMessageContaining("per-run");
	}

}
