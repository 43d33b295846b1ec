package com.yieldpilot.vault;

import java.time.Instant;
import java.util.Objects;

import com.yieldpilot.identity.UserId;

/**
 * A farmer's vault as YieldPilot records it: where it is and what it holds. What it is
 * configured to allow lives on chain ({@link VaultState}).
 *
 * @param ownerAddress the wallet that created and owns it
 * @param assetDecimals the base asset's decimals, to turn its smallest unit into amounts
 */
public record Vault(VaultId id, UserId user, long chainId, String address, String ownerAddress, String assetAddress,
		String assetSymbol, int assetDecimals, Instant createdAt) {

	public Vault {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(ownerAddress, "ownerAddress");
		Objects.requireNonNull(assetAddress, "assetAddress");
		Objects.requireNonNull(assetSymbol, "assetSymbol");
		Objects.requireNonNull(createdAt, "createdAt");
	}

}
