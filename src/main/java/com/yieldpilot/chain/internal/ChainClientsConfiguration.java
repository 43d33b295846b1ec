package com.yieldpilot.chain.internal;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The production chains' clients, from {@code yieldpilot.chain.rpc.*}; with nothing
 * configured (local mode), a {@code ChainClients} that knows no chain. The URLs' chain
 * ids are checked in the background at start, so an unreachable provider does not hold up
 * the node; a URL not checked by then is checked before its first use.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChainProperties.class)
class ChainClientsConfiguration {

	@Bean(destroyMethod = "close")
	RpcChainClients chainClients(ChainProperties properties, Clock clock, ObjectProvider<MeterRegistry> meters) {
		RpcChainClients clients = RpcChainClients.create(properties, clock, meters.getIfAvailable());
		if (!clients.chains().isEmpty()) {
			Thread.ofVirtual().name("rpc-chain-id-check").start(clients::verifyAll);
		}
		return clients;
	}

}
