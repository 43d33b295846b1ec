package com.yieldpilot.vault;

/**
 * A vault's configuration and its portfolio, read on chain at the same block.
 *
 * @param state the configuration: owner, executor, pause, limits, allowlist
 * @param portfolio the idle balance and the positions
 */
public record VaultSnapshot(VaultState state, Portfolio portfolio) {

}
