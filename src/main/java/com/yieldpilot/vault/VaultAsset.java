package com.yieldpilot.vault;

/**
 * A token a vault can be created over: the asset of pools YieldPilot knows on the chain.
 */
public record VaultAsset(String address, String symbol, int decimals) {
}
