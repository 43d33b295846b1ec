package com.yieldpilot.vault.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.PoolDescriptor.Origin;
import com.yieldpilot.shared.PoolId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production chains' targets come from the reviewed registry: a live execution needs the
 * pool's vault address on the vault's own chain.
 */
class TargetPoolsTest {

	private static final String MORPHO_ON_BASE = "0xBEEF01735c132Ada46AA9aA4c54623cAA92A64CB";

	private static final Map<String, Long> CHAINS = Map.of("base", 8453L, "ethereum", 1L);

	@Test
	void registryPoolsWithAVaultAddressOnTheVaultsChainAreItsTargets() {
		List<PoolDescriptor> pools = List.of(pool("morpho:base:USDC-steakhouse", MORPHO_ON_BASE, Origin.REGISTRY),
				pool("morpho:ethereum:USDC-steakhouse", "0xBEEf050ecd6a16c4e7bfFbB52Ebba7846C4b8cD4", Origin.REGISTRY));

		Map<String, PoolId> targets = TargetPools.registered(pools, 8453L,
				(name) -> Optional.ofNullable(CHAINS.get(name)));

		assertThat(targets)
			.containsExactly(Map.entry(MORPHO_ON_BASE.toLowerCase(), PoolId.parse("morpho:base:USDC-steakhouse")));
	}

	@Test
	void watchedPoolsPoolsWithoutAVaultAndUnknownChainsAreNeverTargets() {
		List<PoolDescriptor> pools = List.of(pool("morpho:base:USDC-watched", MORPHO_ON_BASE, Origin.WATCHED),
				pool("aave-v3:base:USDC", null, Origin.REGISTRY),
				pool("morpho:unichain:USDC", "0x0000000000000000000000000000000000000001", Origin.REGISTRY));

		assertThat(TargetPools.registered(pools, 8453L, (name) -> Optional.ofNullable(CHAINS.get(name)))).isEmpty();
	}

	private static PoolDescriptor pool(String id, String vault, Origin origin) {
		return new PoolDescriptor(PoolId.parse(id), null, vault, true, origin);
	}

}
