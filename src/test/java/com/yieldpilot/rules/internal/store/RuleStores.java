package com.yieldpilot.rules.internal.store;

import org.jooq.DSLContext;

/**
 * The rule store built by hand, for the JMH benchmarks under
 * {@code src/test/java/com/yieldpilot/bench}, which run without the Spring context. The
 * caller runs writes in its own transaction: without Spring's proxy nothing demands one.
 */
public final class RuleStores {

	private RuleStores() {
	}

	public static RuleStore over(DSLContext dsl) {
		return new RuleStore(dsl);
	}

}
