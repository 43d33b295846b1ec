/**
 * The market's screens: the pools explorer and, for admins, the data sources and pools'
 * history (backfills and imports).
 */
@NullMarked
package com.yieldpilot.market.ui;

import org.jspecify.annotations.NullMarked;
