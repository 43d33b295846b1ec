package com.yieldpilot.market.internal.defillama;

import java.time.Duration;

import com.yieldpilot.market.internal.store.PoolRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the DefiLlama client a market source when it is enabled; apart so the client can
 * be built alone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("yieldpilot.market.defillama.enabled")
class DefiLlamaSourceConfiguration {

	@Bean
	DefiLlamaSource defiLlamaSource(DefiLlamaClient client, PoolRegistry registry,
			@Value("${yieldpilot.market.defillama.interval:10m}") Duration interval) {
		return new DefiLlamaSource(client, registry, interval);
	}

}
