/**
 * Identity's persistence (jOOQ), the bearer-token security chains, the REST endpoints and
 * the start-up bootstrapping of users.
 */
@NullMarked
package com.yieldpilot.identity.internal;

import org.jspecify.annotations.NullMarked;
