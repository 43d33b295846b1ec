package com.yieldpilot.vault.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the farmer's wallet calls, {@code yieldpilot.vault.wallet.*}.
 *
 * @param factories each production chain's {@code VaultFactory} by chain name, e.g.
 * {@code yieldpilot.vault.wallet.factories.base=0x…}; local mode records its own
 * @param receiptTimeout how long to wait for a wallet transaction's receipt on
 * YieldPilot's own RPC before telling the farmer it is not confirmed yet
 * @param pollInterval how often to ask for the receipt meanwhile
 * @param challengeTtl how long a wallet may take to sign the challenge that links it
 */
@ConfigurationProperties("yieldpilot.vault.wallet")
record WalletProperties(@DefaultValue Map<String, String> factories, @DefaultValue("3m") Duration receiptTimeout,
		@DefaultValue("500ms") Duration pollInterval, @DefaultValue("10m") Duration challengeTtl) {

	WalletProperties {
		if (receiptTimeout.isNegative() || receiptTimeout.isZero() || pollInterval.isNegative() || pollInterval.isZero()
				|| challengeTtl.isNegative() || challengeTtl.isZero()) {
			throw new IllegalArgumentException("yieldpilot.vault.wallet durations must be positive");
		}
	}

}
