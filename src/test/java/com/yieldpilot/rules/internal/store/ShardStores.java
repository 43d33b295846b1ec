package com.yieldpilot.rules.internal.store;

import org.jooq.DSLContext;

/**
 * The shard store built by hand, for the JMH benchmarks under
 * {@code src/test/java/com/yieldpilot/bench}, which run without the Spring context. The
 * caller runs writes in its own transaction: without Spring's proxy nothing demands one.
 */
public final class ShardStores {

	private ShardStores() {
	}

	public static ShardStore over(DSLContext dsl) {
		return new ShardStore(dsl);
	}

}
