package com.yieldpilot.market;

/** The unit a metric's values are in. */
public enum MetricUnit {

	/** Percent: 4.2 means 4.2%. */
	PERCENT,
	/** US dollars. */
	USD,
	/** A plain ratio: 0.8 means 80%; share prices are assets per share. */
	RATIO,
	/** Gas prices in gwei (1e-9 ETH). */
	GWEI

}
