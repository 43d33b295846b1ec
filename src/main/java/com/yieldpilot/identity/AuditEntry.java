package com.yieldpilot.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of the audit log: who did what to what, and when. */
public record AuditEntry(long id, Instant occurredAt, @Nullable UserId actor, String action, String subject,
		@Nullable String detail) {
}
