package com.yieldpilot.market;

import java.util.Arrays;
import java.util.Optional;

/**
 * What can be measured. The names are the ones rules use
 * ({@code apy(aave-v3:base:USDC)}); percentages are in percent (4.2 means 4.2%), as
 * DefiLlama reports them.
 */
public enum Metric {

	APY("apy", MetricUnit.PERCENT, Scope.POOL), APY_BASE("apyBase", MetricUnit.PERCENT, Scope.POOL),
	APY_REWARD("apyReward", MetricUnit.PERCENT, Scope.POOL), TVL("tvl", MetricUnit.USD, Scope.POOL),
	UTILIZATION("utilization", MetricUnit.RATIO, Scope.POOL), SHARE_PRICE("sharePrice", MetricUnit.RATIO, Scope.POOL),
	PRICE("price", MetricUnit.USD, Scope.ASSET), GAS("gas", MetricUnit.GWEI, Scope.CHAIN),
	GAS_PRIORITY("gasPriority", MetricUnit.GWEI, Scope.CHAIN),
	/**
	 * The ML risk score, 0 (safe) to 1: stored by the risk module as samples like any
	 * other metric, so history, windows and freshness work the same way.
	 */
	RISK("risk", MetricUnit.RATIO, Scope.POOL);

	/** Whether a metric describes a pool, the asset a pool holds, or a whole chain. */
	public enum Scope {

		/** One pool's own number: stored under the pool's id. */
		POOL,
		/**
		 * The pool's asset (its price): stored under each pool's id like a pool metric,
		 * so a rule may name a pool or just the asset ({@code price(USDC)}).
		 */
		ASSET,
		/** One number for a whole chain (gas): stored under {@code chain:<name>}. */
		CHAIN

	}

	private final String ruleName;

	private final MetricUnit unit;

	private final Scope scope;

	Metric(String ruleName, MetricUnit unit, Scope scope) {
		this.ruleName = ruleName;
		this.unit = unit;
		this.scope = scope;
	}

	/** The name in the rule language and the REST API. */
	public String ruleName() {
		return this.ruleName;
	}

	public MetricUnit unit() {
		return this.unit;
	}

	public Scope scope() {
		return this.scope;
	}

	/**
	 * Whether the metric is a share or a probability, which runs from 0 to 1
	 * ({@code utilization}, {@code risk}); {@code sharePrice}, a ratio too, has no upper
	 * bound.
	 */
	public boolean fraction() {
		return this == UTILIZATION || this == RISK;
	}

	public static Optional<Metric> byRuleName(String name) {
		return Arrays.stream(values()).filter(m -> m.ruleName.equals(name)).findFirst();
	}

}
