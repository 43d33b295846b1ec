/**
 * The market's persistence: the pool registry, the partitioned sample series and the
 * latest values.
 */
@NullMarked
package com.yieldpilot.market.internal.store;

import org.jspecify.annotations.NullMarked;
