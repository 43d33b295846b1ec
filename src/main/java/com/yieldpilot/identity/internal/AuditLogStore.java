package com.yieldpilot.identity.internal;

import java.util.List;

import com.yieldpilot.identity.AuditEntry;
import com.yieldpilot.identity.UserId;
import org.jspecify.annotations.Nullable;

/** The append-only audit log's storage. */
public interface AuditLogStore {

	void append(@Nullable UserId actor, String action, String subject, @Nullable String detail);

	List<AuditEntry> page(int offset, int limit);

	int count();

	List<AuditEntry> byActor(UserId actor, int limit);

}
