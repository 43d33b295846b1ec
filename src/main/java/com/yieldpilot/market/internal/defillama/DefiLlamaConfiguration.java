package com.yieldpilot.market.internal.defillama;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the {@link DefiLlamaClient} when
 * {@code yieldpilot.market.defillama.enabled=true}; otherwise nothing of this package
 * becomes a bean (tests and offline nodes make no calls to DefiLlama). A
 * {@link MeterRegistry}, if the application has one, gets the retry and circuit breaker
 * metrics.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("yieldpilot.market.defillama.enabled")
@EnableConfigurationProperties(DefiLlamaProperties.class)
class DefiLlamaConfiguration {

	@Bean
	DefiLlamaClient defiLlamaClient(DefiLlamaProperties properties, ObjectProvider<MeterRegistry> meterRegistry) {
		return new DefiLlamaClient(properties, meterRegistry.getIfAvailable());
	}

}
