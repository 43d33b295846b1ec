/**
 * Rules, their versions, their stored engine state, intents and traces in PostgreSQL
 * (jOOQ classes generated into {@code rules.internal.db}).
 */
@NullMarked
package com.yieldpilot.rules.internal.store;

import org.jspecify.annotations.NullMarked;
