package com.yieldpilot.market.internal.history;

import com.yieldpilot.market.internal.defillama.ChartSeries;

/** Where a pool's chart comes from: DefiLlama's {@code /chart/{pool}}. */
@FunctionalInterface
interface ChartSource {

	/**
	 * The pool's chart; throws what
	 * {@link com.yieldpilot.market.internal.defillama.DefiLlamaClient#fetchChart} throws.
	 */
	ChartSeries chart(String defiLlamaId);

}
