/**
 * The live rules: shard jobs that keep each shard's engine in step with the stored rules
 * and the market, act on rules that become true (intents, with cooldowns, priorities and
 * conflicts), store the engine's state for restarts, and write traces.
 */
@NullMarked
package com.yieldpilot.rules.internal.runtime;

import org.jspecify.annotations.NullMarked;
