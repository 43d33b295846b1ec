package com.yieldpilot.rules.internal.runtime;

import java.time.Duration;
import java.util.UUID;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.internal.engine.TermKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Terms in traces read as the farmer wrote them, whatever the engine keys them by. */
class TraceTextTest {

	@Test
	void termsReadAsWritten() {
		assertThat(TraceText.term(TermKey.latest("aave-v3:base:USDC", "apy"))).isEqualTo("apy(aave-v3:base:USDC)");
		assertThat(TraceText.term(TermKey.latest("chain:base", "gas"))).isEqualTo("gas(base)");
		assertThat(TraceText.term(TermKey.latest("asset:USDC", "price"))).isEqualTo("price(USDC)");
		assertThat(TraceText
			.term(TermKey.window("aave-v3:base:USDC", "tvl", TermKey.Aggregate.PCT_CHANGE, Duration.ofHours(1))))
			.isEqualTo("pctchange(tvl(aave-v3:base:USDC), 1h)");
		assertThat(
				TraceText.term(TermKey.window("aave-v3:base:USDC", "apy", TermKey.Aggregate.AVG, Duration.ofDays(1))))
			.isEqualTo("avg(apy(aave-v3:base:USDC), 24h)");
	}

	@Test
	void aFarmersOwnTermsDoNotShowTheOwner() {
		UserId owner = new UserId(UUID.fromString("00000000-0000-4000-8000-00000000000a"));
		assertThat(TraceText.term(TermKey.latest(MarketReadings.vaultSubject(owner, "asset:USDC"), "balance")))
			.isEqualTo("balance(USDC)");
		assertThat(TraceText
			.term(TermKey.latest(MarketReadings.vaultSubject(owner, "morpho:base:USDC-prime"), "position")))
			.isEqualTo("position(morpho:base:USDC-prime)");
	}

}
