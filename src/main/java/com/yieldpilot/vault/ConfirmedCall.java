package com.yieldpilot.vault;

/**
 * A wallet transaction the chain carried with the effect it was prepared for.
 *
 * @param summary what changed, for the farmer, e.g. "Allowlisted aave-v3:base:USDC"
 */
public record ConfirmedCall(WalletAction action, String transactionHash, long block, String summary) {
}
