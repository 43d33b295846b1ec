package com.yieldpilot.market;

import java.util.Objects;

import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/** A registered pool: its id, where it lives, and what it is. */
public record PoolDescriptor(PoolId id, @Nullable String defiLlamaId, @Nullable String vaultAddress, boolean stablecoin,
		Origin origin) {

	/** How the pool came into the registry. */
	public enum Origin {

		/** From the reviewed registry file or added by an admin: may be acted on. */
		REGISTRY,
		/** A DefiLlama pool outside the registry: watched, read-only. */
		WATCHED,
		/** Local mode's simulated market. */
		SIMULATED

	}

	public PoolDescriptor {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(origin, "origin");
	}

	public String chain() {
		return this.id.chain();
	}

}
