package com.yieldpilot.identity;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a personal API token (not its secret); written as the bare UUID in JSON. */
public record ApiTokenId(@JsonValue UUID value) {

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
