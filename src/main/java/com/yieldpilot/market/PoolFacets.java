package com.yieldpilot.market;

import java.util.List;

/**
 * The chains, protocols and assets of the registered pools, sorted: the choices the
 * explorer's filters offer.
 */
public record PoolFacets(List<String> chains, List<String> protocols, List<String> assets) {

	public PoolFacets {
		chains = List.copyOf(chains);
		protocols = List.copyOf(protocols);
		assets = List.copyOf(assets);
	}

}
