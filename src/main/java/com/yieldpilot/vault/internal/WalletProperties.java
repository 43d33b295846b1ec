package com.yieldpilot.vault.internal;

import java.net.URI;
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
 * @param site YieldPilot's public address, named in the challenge (EIP-4361 domain and
 * URI) so that wallets warn when another site asks for the signature
 */
@ConfigurationProperties("yieldpilot.vault.wallet")
record WalletProperties(@DefaultValue Map<String, String> factories, @DefaultValue("3m") Duration receiptTimeout,
		@DefaultValue("500ms") Duration pollInterval, @DefaultValue("10m") Duration challengeTtl,
		@DefaultValue("http://localhost:8080") URI site) {

	WalletProperties {
		if (receiptTimeout.isNegative() || receiptTimeout.isZero() || pollInterval.isNegative() || pollInterval.isZero()
				|| challengeTtl.isNegative() || challengeTtl.isZero()) {
			throw new IllegalArgumentException("yieldpilot.vault.wallet durations must be positive");
		}
		if (site.getHost() == null || !("https".equals(site.getScheme()) || "http".equals(site.getScheme()))) {
			throw new IllegalArgumentException(
					"yieldpilot.vault.wallet.site must be YieldPilot's public http(s) address, e.g. https://app.example.com");
		}
	}

}
