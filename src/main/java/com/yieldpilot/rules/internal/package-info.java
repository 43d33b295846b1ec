/**
 * The rules module's adapters: the rule vocabulary over the market's metric catalog, the
 * default plan until billing provides one, and the REST API.
 */
@NullMarked
package com.yieldpilot.rules.internal;

import org.jspecify.annotations.NullMarked;
