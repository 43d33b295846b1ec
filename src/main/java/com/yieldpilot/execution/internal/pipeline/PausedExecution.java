package com.yieldpilot.execution.internal.pipeline;

import java.util.Optional;

import com.yieldpilot.execution.KillSwitch;
import com.yieldpilot.execution.internal.GuardrailStore;

import org.springframework.stereotype.Component;

/**
 * Whether admins paused all execution: the kill switch, read from the database just
 * before signing, so a switch flipped on any node stops every node's next signature.
 */
@Component
class PausedExecution {

	private final GuardrailStore store;

	PausedExecution(GuardrailStore store) {
		this.store = store;
	}

	/** Why execution is paused, when it is. */
	Optional<String> reason() {
		KillSwitch killSwitch = this.store.status().killSwitch();
		if (!killSwitch.engaged()) {
			return Optional.empty();
		}
		return Optional.of((killSwitch.reason() != null) ? killSwitch.reason() : "the kill switch is engaged");
	}

}
