package com.yieldpilot.market.internal.store;

import java.time.Clock;

import org.jooq.DSLContext;

/**
 * The jOOQ stores built by hand, for tools that run without the Spring context (the JMH
 * benchmarks under {@code src/test/java/com/yieldpilot/bench}). The application gets them
 * as beans. Without Spring's proxy nothing demands a transaction: the caller runs writes
 * in its own (a {@code DSLContext} over a {@code TransactionAwareDataSourceProxy} plus a
 * {@code TransactionTemplate}).
 */
public final class JooqStores {

	private JooqStores() {
	}

	public static SampleStore sampleStore(DSLContext dsl) {
		return new JooqSampleStore(dsl);
	}

	public static RollupStore rollupStore(DSLContext dsl) {
		return new JooqRollupStore(dsl);
	}

	public static PoolRegistry poolRegistry(DSLContext dsl, Clock clock) {
		return new JooqPoolRegistry(dsl, clock);
	}

	public static PoolQuery poolQuery(DSLContext dsl) {
		return new JooqPoolQuery(dsl);
	}

	public static CrossCheckStore crossCheckStore(DSLContext dsl) {
		return new JooqCrossCheckStore(dsl);
	}

}
