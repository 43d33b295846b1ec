package com.yieldpilot.market.internal.history;

import java.time.Clock;

import com.yieldpilot.market.internal.defillama.DefiLlamaClient;
import com.yieldpilot.market.internal.store.BackfillQueue;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The history backfill, fetching from the DefiLlama client when this node has one
 * ({@code yieldpilot.market.defillama.enabled}) and doing nothing otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackfillProperties.class)
class HistoryConfiguration {

	@Bean
	HistoryBackfill historyBackfill(BackfillQueue queue, HistoryWriter writer, ObjectProvider<DefiLlamaClient> client,
			BackfillProperties properties, Clock clock, TransactionTemplate transactions, MeterRegistry meters) {
		DefiLlamaClient defiLlama = client.getIfAvailable();
		return new HistoryBackfill(queue, writer, (defiLlama != null) ? defiLlama::fetchChart : null, properties, clock,
				transactions, meters);
	}

}
