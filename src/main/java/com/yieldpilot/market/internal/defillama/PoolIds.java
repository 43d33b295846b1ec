package com.yieldpilot.market.internal.defillama;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * DefiLlama pool ids are UUIDs. Checked strictly (8-4-4-4-12 hex digits) because the id
 * goes into a URL path: {@link java.util.UUID#fromString} alone would let through
 * shortened forms such as {@code 1-1-1-1-1}.
 */
final class PoolIds {

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private PoolIds() {
	}

	/** The id in lower case if it is a UUID, otherwise empty. */
	static Optional<String> canonical(@Nullable String candidate) {
		if (candidate == null || !UUID.matcher(candidate).matches()) {
			return Optional.empty();
		}
		return Optional.of(candidate.toLowerCase(Locale.ROOT));
	}

}
