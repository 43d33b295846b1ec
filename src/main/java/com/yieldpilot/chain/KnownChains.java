package com.yieldpilot.chain;

import java.util.Map;
import java.util.Optional;

/**
 * The EVM chains YieldPilot knows by name, with their chain ids (EIP-155). A chain that
 * is not listed here needs its id configured ({@code yieldpilot.chain.chain-ids.<name>}).
 * The names are the chain part of pool ids ({@code aave-v3:base:USDC}).
 */
public final class KnownChains {

	private static final Map<String, Long> IDS = Map.of("ethereum", 1L, "optimism", 10L, "polygon", 137L, "base", 8453L,
			"arbitrum", 42161L);

	private KnownChains() {
	}

	/** The chain id of a known chain. */
	public static Optional<Long> id(String chain) {
		return Optional.ofNullable(IDS.get(chain));
	}

}
