package com.yieldpilot.vault;

/** A chain where farmers can keep a vault: YieldPilot reads it and knows its factory. */
public record WalletChain(long chainId, String name) {
}
