package com.yieldpilot.rules.ui;

import com.yieldpilot.rules.lang.RuleText;
import com.yieldpilot.shared.PoolId;

/** The text a new rule starts from: a watch on a pool, or a blank rule to fill in. */
final class Starters {

	private Starters() {
	}

	static String blank() {
		return """
				rule "My rule"
				when
				  apy(aave-v3:base:USDC) < 4%
				then
				  notify "Aave USDC pays less than 4%"
				""";
	}

	/**
	 * A rule that watches the pool's APY; the farmer changes the threshold and action.
	 */
	static String forPool(PoolId pool) {
		String name = "Watch " + pool;
		return """
				rule "%2$s"
				when
				  apy(%1$s) < 4%%
				then
				  notify "%1$s pays less than 4%%"
				""".formatted(pool, (name.length() <= RuleText.MAX_NAME_LENGTH) ? name : "Watch a pool");
	}

}
