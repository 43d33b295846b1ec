/**
 * The live market kept in memory on each node: the newest value of every series per
 * source, followed through the database's change feed, and the trailing-window aggregates
 * that rules use, updated sample by sample.
 */
@NullMarked
package com.yieldpilot.market.internal.live;

import org.jspecify.annotations.NullMarked;
