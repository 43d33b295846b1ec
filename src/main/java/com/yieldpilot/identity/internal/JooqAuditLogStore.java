package com.yieldpilot.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import com.yieldpilot.identity.AuditEntry;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.identity.internal.db.tables.records.AuditLogRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static com.yieldpilot.identity.internal.db.Tables.AUDIT_LOG;

@Repository
class JooqAuditLogStore implements AuditLogStore {

	private final DSLContext dsl;

	private final Clock clock;

	JooqAuditLogStore(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	@Override
	public void append(@Nullable UserId actor, String action, String subject, @Nullable String detail) {
		this.dsl.insertInto(AUDIT_LOG)
			.set(AUDIT_LOG.OCCURRED_AT, OffsetDateTime.now(this.clock))
			.set(AUDIT_LOG.ACTOR_ID, actor)
			.set(AUDIT_LOG.ACTION, action)
			.set(AUDIT_LOG.SUBJECT, truncate(subject, 200))
			.set(AUDIT_LOG.DETAIL, (detail != null) ? truncate(detail, 1000) : null)
			.execute();
	}

	@Override
	public List<AuditEntry> page(int offset, int limit) {
		return this.dsl.selectFrom(AUDIT_LOG)
			.orderBy(AUDIT_LOG.ID.desc())
			.offset(offset)
			.limit(limit)
			.fetch(JooqAuditLogStore::toEntry);
	}

	@Override
	public int count() {
		return this.dsl.fetchCount(AUDIT_LOG);
	}

	@Override
	public List<AuditEntry> byActor(UserId actor, int limit) {
		return this.dsl.selectFrom(AUDIT_LOG)
			.where(AUDIT_LOG.ACTOR_ID.eq(actor))
			.orderBy(AUDIT_LOG.ID.desc())
			.limit(limit)
			.fetch(JooqAuditLogStore::toEntry);
	}

	private static AuditEntry toEntry(AuditLogRecord r) {
		return new AuditEntry(r.getId(), r.getOccurredAt().toInstant(), r.getActorId(), r.getAction(), r.getSubject(),
				r.getDetail());
	}

	private static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
