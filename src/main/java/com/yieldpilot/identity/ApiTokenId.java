package com.yieldpilot.identity;

import java.util.Objects;
import java.util.UUID;

/** Identifies a personal API token; it is not the token's secret. */
public record ApiTokenId(UUID value) {

	public ApiTokenId {
		Objects.requireNonNull(value, "value");
	}

	public static ApiTokenId random() {
		return new ApiTokenId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
