package com.yieldpilot.rules.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/** Times on the rule screens: UTC to the second, like the rules write them. */
final class Times {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private Times() {
	}

	static String format(@Nullable Instant instant) {
		return (instant != null) ? FORMAT.format(instant) : "never";
	}

}
