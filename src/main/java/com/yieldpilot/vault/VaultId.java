package com.yieldpilot.vault;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** A vault's id in YieldPilot (not its address); written as the bare UUID in JSON. */
public record VaultId(@JsonValue UUID value) {

	public VaultId {
		Objects.requireNonNull(value, "value");
	}

	public static VaultId random() {
		return new VaultId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
