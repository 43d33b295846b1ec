/**
 * Protocol data: where the numbers rules read come from (DefiLlama, on-chain reads, the
 * simulator), how fresh and trustworthy they are, how they are stored as time series, and
 * the metric catalog the rules compiler validates against.
 */
@NullMarked
@ApplicationModule(displayName = "Market")
package com.yieldpilot.market;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
