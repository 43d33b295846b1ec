/** The chain module's wiring: local mode's anvil node and its client. */
@NullMarked
package com.yieldpilot.chain.internal;

import org.jspecify.annotations.NullMarked;
