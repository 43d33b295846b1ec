/**
 * Local mode's market: the seeded simulator as a market source, its numbers moving faster
 * than real time so a demo shows a day in minutes.
 */
@NullMarked
package com.yieldpilot.market.internal.local;

import org.jspecify.annotations.NullMarked;
