/**
 * The reviewed pool registry file ({@code db/registry/pools.yaml}): its format, its
 * checks, and how each version of it is applied once to the registry without overwriting
 * what admins changed.
 */
@NullMarked
package com.yieldpilot.market.internal.registry;

import org.jspecify.annotations.NullMarked;
