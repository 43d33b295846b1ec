/**
 * The chain module's wiring: local mode's anvil node and its client, and the production
 * chains' clients with their RPC fallback, circuit breakers, chain id checks and health.
 */
@NullMarked
package com.yieldpilot.chain.internal;

import org.jspecify.annotations.NullMarked;
