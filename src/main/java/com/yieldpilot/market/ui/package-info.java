/** The market's screens: the pools explorer. */
@NullMarked
package com.yieldpilot.market.ui;

import org.jspecify.annotations.NullMarked;
