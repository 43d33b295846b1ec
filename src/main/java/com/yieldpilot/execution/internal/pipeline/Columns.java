package com.yieldpilot.execution.internal.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jspecify.annotations.Nullable;

/** How the pipeline's values are written into, and compared with, its columns. */
final class Columns {

	private Columns() {
	}

	static List<UUID> ids(Collection<ExecutionId> ids) {
		return ids.stream().map(ExecutionId::value).toList();
	}

	static List<String> names(Collection<ExecutionState> states) {
		return states.stream().map(Enum::name).toList();
	}

	/** The clock's time as the timestamp columns hold it (UTC). */
	static OffsetDateTime now(Clock clock) {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * The statement that lets the transaction's commit not wait for the disk: for the
	 * steps recovery redoes when they are lost. Sent in one JDBC batch with the
	 * transaction's first statement, it costs no round trip of its own.
	 */
	static Query relaxedCommit(DSLContext dsl) {
		return dsl.query("set local synchronous_commit to off");
	}

	static @Nullable OffsetDateTime time(@Nullable Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

}
