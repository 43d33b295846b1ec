package com.yieldpilot.vault;

import com.yieldpilot.shared.PoolId;

/**
 * An ERC-4626 vault YieldPilot knows as a pool on a chain, which a farmer may allowlist
 * when it holds their vault's asset.
 *
 * @param asset the token it holds, as the chain reports it
 */
public record KnownTarget(PoolId pool, String address, String asset) {
}
