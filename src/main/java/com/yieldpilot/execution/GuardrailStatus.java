package com.yieldpilot.execution;

import java.time.Instant;
import java.util.Objects;

import com.yieldpilot.identity.UserId;

import org.jspecify.annotations.Nullable;

/**
 * Which guardrail version runs, since when and by whom, and the kill switch.
 *
 * @param activeVersion null before the first version is loaded
 * @param activatedBy null when the shipped files were activated at start
 * @param activatedAt when
 * @param killSwitch the kill switch
 */
public record GuardrailStatus(@Nullable Integer activeVersion, @Nullable UserId activatedBy,
		@Nullable Instant activatedAt, KillSwitch killSwitch) {

	public GuardrailStatus {
		Objects.requireNonNull(killSwitch, "killSwitch");
	}

}
