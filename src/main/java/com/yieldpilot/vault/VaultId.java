package com.yieldpilot.vault;

import java.util.Objects;
import java.util.UUID;

/** A vault's id in YieldPilot (not its address). */
public record VaultId(UUID value) {

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
