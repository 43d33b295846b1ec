package com.yieldpilot.market.internal.chain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the production chain sources, {@code yieldpilot.market.chain.*}.
 *
 * @param enabled whether each chain with RPC URLs becomes a market source (off unless
 * set)
 * @param maxPriceAge a Chainlink answer older than this is refused; stablecoin feeds may
 * go a day without an update while the price holds, so the default is a day and an hour
 * @param apyWindow the block time a realized APY spans at least
 */
@ConfigurationProperties("yieldpilot.market.chain")
record ChainSourceProperties(@DefaultValue("false") boolean enabled, @DefaultValue("25h") Duration maxPriceAge,
		@DefaultValue("1h") Duration apyWindow) {

}
