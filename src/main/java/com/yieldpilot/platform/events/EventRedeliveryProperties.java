package com.yieldpilot.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the event publication registry is kept moving, {@code yieldpilot.events.*}.
 *
 * @param interval how often one node of the cluster looks for publications to deliver
 * again and deletes old completed ones
 * @param retryAfter the pause before a failed delivery is tried again; it doubles with
 * each attempt
 * @param maxBackoff the longest pause between two attempts: a delivery is never given up
 * @param stuckAfter how long a delivery may stay started (published, processing or
 * resubmitted) before it counts as lost with the node that ran it and is tried again;
 * longer than any listener runs
 * @param retention how long completed publications are kept for inspection
 * @param resubmitOnStart whether a starting node sends every incomplete publication again
 * at once (off only for a second node sharing a test database)
 */
@ConfigurationProperties("yieldpilot.events")
record EventRedeliveryProperties(@DefaultValue("30s") Duration interval, @DefaultValue("30s") Duration retryAfter,
		@DefaultValue("1h") Duration maxBackoff, @DefaultValue("10m") Duration stuckAfter,
		@DefaultValue("7d") Duration retention, @DefaultValue("true") boolean resubmitOnStart) {

	EventRedeliveryProperties {
		atLeast("interval", interval, Duration.ofSeconds(1));
		atLeast("retry-after", retryAfter, Duration.ZERO);
		atLeast("max-backoff", maxBackoff, retryAfter);
		atLeast("stuck-after", stuckAfter, Duration.ofSeconds(1));
		atLeast("retention", retention, Duration.ofHours(1));
	}

	private static void atLeast(String name, Duration value, Duration minimum) {
		if (value.compareTo(minimum) < 0) {
			throw new IllegalArgumentException(
					"yieldpilot.events." + name + " must be at least " + minimum + ", not " + value);
		}
	}

	/**
	 * The pause after a delivery's last attempt, given how many attempts it had (the
	 * registry counts the first delivery as one): {@code retry-after} after the first,
	 * doubling with each further one, capped at {@code max-backoff}.
	 */
	Duration backoff(int attempts) {
		Duration pause = this.retryAfter;
		for (int i = 1; i < attempts && pause.compareTo(this.maxBackoff) < 0; i++) {
			pause = pause.multipliedBy(2);
		}
		return (pause.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : pause;
	}

}
