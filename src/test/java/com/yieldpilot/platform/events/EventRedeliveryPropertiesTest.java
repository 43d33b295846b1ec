package com.yieldpilot.platform.events;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventRedeliveryPropertiesTest {

	private final EventRedeliveryProperties properties = new EventRedeliveryProperties(Duration.ofSeconds(30),
			Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(7), true);

	@Test
	void thePauseDoublesWithEachAttemptAfterTheFirstDeliveryUpToTheCap() {
		assertThat(this.properties.backoff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.properties.backoff(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.properties.backoff(4)).isEqualTo(Duration.ofSeconds(240));
		assertThat(this.properties.backoff(5)).isEqualTo(Duration.ofMinutes(5));
		assertThat(this.properties.backoff(1_000)).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void aCapBelowTheFirstPauseIsRefusedWithThePropertyToFix() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EventRedeliveryProperties(Duration.ofSeconds(30), Duration.ofMinutes(10),
					Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(7), true))
			.withMessageContaining("yieldpilot.events.max-backoff must be at least PT10M");
	}

}
