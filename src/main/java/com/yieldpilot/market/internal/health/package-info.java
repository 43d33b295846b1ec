/** The market's part of the node's health: each market source's state, never DOWN. */
@NullMarked
package com.yieldpilot.market.internal.health;

import org.jspecify.annotations.NullMarked;
