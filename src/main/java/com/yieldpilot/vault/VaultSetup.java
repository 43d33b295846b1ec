package com.yieldpilot.vault;

import java.util.List;

/**
 * What creating a vault on a chain looks like for one wallet before it signs anything:
 * the factory it calls, the address the vault will have (CREATE2, known in advance), and
 * the assets it may hold.
 *
 * @param exists whether the vault already exists on chain (created earlier, or its
 * creation was not confirmed in time): it can be recorded without a new transaction
 */
public record VaultSetup(long chainId, String wallet, String factory, String predictedAddress, boolean exists,
		List<VaultAsset> assets) {

	public VaultSetup {
		assets = List.copyOf(assets);
	}

}
