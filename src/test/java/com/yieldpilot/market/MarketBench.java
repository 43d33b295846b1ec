package com.yieldpilot.market;

import java.time.Clock;

import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.market.internal.store.JooqStores;
import com.yieldpilot.market.internal.store.PoolRegistry;
import com.yieldpilot.market.internal.store.SampleStore;
import org.jooq.DSLContext;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The market's public services built by hand over a {@code DSLContext}, for the JMH
 * benchmarks that run other modules' real paths without a Spring context. The caller runs
 * them in its own transaction.
 */
public final class MarketBench {

	private MarketBench() {
	}

	public static MarketData marketData(DSLContext dsl, Clock clock) {
		return new MarketData(JooqStores.poolRegistry(dsl, clock), JooqStores.poolQuery(dsl),
				JooqStores.sampleStore(dsl), JooqStores.rollupStore(dsl), JooqStores.crossCheckStore(dsl), clock);
	}

	public static RiskSamples riskSamples(DSLContext dsl, Clock clock, ApplicationEventPublisher events) {
		PoolRegistry registry = JooqStores.poolRegistry(dsl, clock);
		SampleStore samples = JooqStores.sampleStore(dsl);
		return new RiskSamples(new MarketIngestion(registry, samples, events));
	}

}
