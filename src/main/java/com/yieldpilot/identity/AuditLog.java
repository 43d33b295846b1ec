package com.yieldpilot.identity;

import java.util.List;

import com.yieldpilot.identity.internal.AuditLogStore;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only record of security-relevant changes (log-ins, tokens, rules,
 * guardrails). Modules record into it; only admins read all of it.
 */
@Service
public class AuditLog {

	private final AuditLogStore store;

	AuditLog(AuditLogStore store) {
		this.store = store;
	}

	/**
	 * Appends an entry; joins the caller's transaction so the entry commits with the
	 * change it records.
	 */
	@Transactional
	public void record(@Nullable UserId actor, String action, String subject, @Nullable String detail) {
		this.store.append(actor, action, subject, detail);
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<AuditEntry> page(int offset, int limit) {
		return this.store.page(offset, limit);
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public int count() {
		return this.store.count();
	}

}
