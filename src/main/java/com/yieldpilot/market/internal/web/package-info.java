/** The market's REST endpoints under /api/v1/pools. */
@NullMarked
package com.yieldpilot.market.internal.web;

import org.jspecify.annotations.NullMarked;
