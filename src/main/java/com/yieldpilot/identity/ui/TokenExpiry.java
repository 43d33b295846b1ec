package com.yieldpilot.identity.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The lifetimes a user can pick for a new token. */
enum TokenExpiry {

	DAYS_30("30 days", Duration.ofDays(30)), DAYS_90("90 days", Duration.ofDays(90)),
	YEAR("1 year", Duration.ofDays(365)), NEVER("Never", null);

	private final String label;

	private final @Nullable Duration lifetime;

	TokenExpiry(String label, @Nullable Duration lifetime) {
		this.label = label;
		this.lifetime = lifetime;
	}

	String label() {
		return this.label;
	}

	@Nullable Instant from(Clock clock) {
		return (this.lifetime != null) ? clock.instant().plus(this.lifetime) : null;
	}

}
