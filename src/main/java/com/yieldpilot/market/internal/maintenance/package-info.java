/**
 * Keeping years of samples cheap: partitions ahead of time, hourly and daily rollups, raw
 * retention.
 */
@NullMarked
package com.yieldpilot.market.internal.maintenance;

import org.jspecify.annotations.NullMarked;
