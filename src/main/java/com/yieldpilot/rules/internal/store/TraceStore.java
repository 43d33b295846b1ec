package com.yieldpilot.rules.internal.store;

import java.time.Instant;
import java.util.List;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.RuleTrace;
import com.yieldpilot.rules.TraceOutcome;
import com.yieldpilot.rules.internal.db.tables.records.RuleTraceRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.rules.internal.db.Tables.RULE_TRACE;

/**
 * Traces of rule evaluations and intents. The conditions with their values are one JSON
 * document per trace: they are only ever read whole, with their trace.
 */
@Repository
public class TraceStore {

	private static final TypeReference<List<RuleTrace.ConditionResult>> CONDITIONS = new TypeReference<>() {
	};

	private final DSLContext dsl;

	private final JsonMapper json = JsonMapper.builder().build();

	TraceStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** A trace to append. */
	public record NewTrace(RuleId rule, UserId owner, int version, Instant at, TraceOutcome outcome, String reason,
			List<RuleTrace.ConditionResult> conditions, @Nullable IntentId intent) {

	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void append(List<NewTrace> traces) {
		if (traces.isEmpty()) {
			return;
		}
		var insert = this.dsl.insertInto(RULE_TRACE, RULE_TRACE.RULE_ID, RULE_TRACE.OWNER_ID, RULE_TRACE.VERSION,
				RULE_TRACE.AT, RULE_TRACE.OUTCOME, RULE_TRACE.REASON, RULE_TRACE.CONDITIONS, RULE_TRACE.INTENT_ID);
		for (NewTrace trace : traces) {
			insert = insert.values(trace.rule(), trace.owner(), trace.version(), RuleStore.offset(trace.at()),
					trace.outcome().name(), clip(trace.reason()), this.json.writeValueAsString(trace.conditions()),
					trace.intent());
		}
		insert.execute();
	}

	/** The owner's traces of a rule, newest first. */
	public List<RuleTrace> page(UserId owner, RuleId rule, int limit, @Nullable Long before) {
		var where = RULE_TRACE.RULE_ID.eq(rule).and(RULE_TRACE.OWNER_ID.eq(owner));
		if (before != null) {
			where = where.and(RULE_TRACE.ID.lt(before));
		}
		return this.dsl.selectFrom(RULE_TRACE)
			.where(where)
			.orderBy(RULE_TRACE.ID.desc())
			.limit(limit)
			.fetch(this::trace);
	}

	/** Deletes traces older than the instant; returns how many. */
	@Transactional
	public int deleteBefore(Instant cutoff) {
		return this.dsl.deleteFrom(RULE_TRACE).where(RULE_TRACE.AT.lt(RuleStore.offset(cutoff))).execute();
	}

	private RuleTrace trace(RuleTraceRecord row) {
		return new RuleTrace(row.getId(), row.getRuleId(), row.getVersion(), row.getAt().toInstant(),
				TraceOutcome.valueOf(row.getOutcome()), row.getReason(),
				this.json.readValue(row.getConditions(), CONDITIONS), row.getIntentId());
	}

	private static String clip(String reason) {
		return (reason.length() <= 1000) ? reason : reason.substring(0, 997) + "...";
	}

}
