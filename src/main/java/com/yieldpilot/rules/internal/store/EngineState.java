package com.yieldpilot.rules.internal.store;

import java.time.Instant;
import java.util.Map;

import com.yieldpilot.rules.internal.engine.Truth;

import org.jspecify.annotations.Nullable;

/**
 * What the engine stores for one version of a rule after an evaluation changed it, so a
 * restart or another node resumes exactly there.
 */
public record EngineState(Truth reported, Truth settled, Map<Integer, Instant> held, long firings,
		@Nullable Instant cooldownUntil, @Nullable Instant firedAt) {

	public EngineState {
		held = Map.copyOf(held);
	}

}
