package com.yieldpilot.execution;

import java.time.Instant;

import com.yieldpilot.identity.UserId;

import org.jspecify.annotations.Nullable;

/**
 * The global kill switch: while engaged, the guardrails block every intent that moves
 * funds, whatever the DRL says.
 *
 * @param engaged whether it is on
 * @param reason why the admin flipped it last
 * @param changedBy who flipped it last
 * @param changedAt when
 */
public record KillSwitch(boolean engaged, @Nullable String reason, @Nullable UserId changedBy,
		@Nullable Instant changedAt) {

	/** The longest reason accepted. */
	public static final int MAX_REASON_LENGTH = 500;

	public static final KillSwitch OFF = new KillSwitch(false, null, null, null);

}
