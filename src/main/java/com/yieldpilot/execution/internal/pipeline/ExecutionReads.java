package com.yieldpilot.execution.internal.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.yieldpilot.execution.Execution;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.ExecutionStep;
import com.yieldpilot.execution.internal.db.tables.records.ExecutionRecord;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.lang.Mode;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static com.yieldpilot.execution.internal.pipeline.Columns.now;
import static com.yieldpilot.execution.internal.db.Tables.EXECUTION;
import static com.yieldpilot.execution.internal.db.Tables.EXECUTION_STEP;
import static com.yieldpilot.execution.internal.db.Tables.EXECUTOR_KEY;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.trueCondition;

/**
 * What farmers, admins and the API read of the pipeline: executions with their step
 * histories (one query for the rows and one for all their steps), stuck ones, alerts, and
 * the executor keys; and what the background jobs pick up (executions in flight,
 * approvals expired). The pipeline's own writes are {@link ExecutionStore}'s and
 * {@link ChainTxStore}'s.
 */
@Repository
public class ExecutionReads {

	private final DSLContext dsl;

	private final Clock clock;

	ExecutionReads(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	public Optional<Execution> find(ExecutionId id) {
		return executions(EXECUTION.ID.eq(id.value()), 1).stream().findFirst();
	}

	List<Execution> list(@Nullable UserId owner, @Nullable ExecutionState state, int limit) {
		Condition where = trueCondition();
		if (owner != null) {
			where = where.and(EXECUTION.OWNER_ID.eq(owner));
		}
		if (state != null) {
			where = where.and(EXECUTION.STATE.eq(state.name()));
		}
		return executions(where, limit);
	}

	List<Execution> ofIntent(IntentId intent) {
		return executions(EXECUTION.INTENT_ID.eq(intent), Integer.MAX_VALUE).reversed();
	}

	List<Execution> stuck(Instant signedBefore) {
		return executions(
				EXECUTION.STATE.in(ExecutionState.SIGNED.name(), ExecutionState.BROADCAST.name())
					.and(EXECUTION.UPDATED_AT.lt(OffsetDateTime.ofInstant(signedBefore, ZoneOffset.UTC))),
				Integer.MAX_VALUE);
	}

	List<Execution> alerts(int limit) {
		return executions(EXECUTION.ALERT.isNotNull(), limit);
	}

	/** A deferred execution's row, before its owner's name is looked up. */
	record DeferredRow(ExecutionId id, UserId owner, RuleId rule, String ruleName, @Nullable String summary,
			@Nullable String reason, @Nullable Instant retryAt, Instant deferredAt) {
	}

	List<DeferredRow> deferred(int limit) {
		return this.dsl
			.select(EXECUTION.ID, EXECUTION.OWNER_ID, EXECUTION.RULE_ID, EXECUTION.RULE_NAME, EXECUTION.SUMMARY,
					EXECUTION.REASON, EXECUTION.RETRY_AT, EXECUTION.UPDATED_AT)
			.from(EXECUTION)
			.where(EXECUTION.STATE.eq(ExecutionState.DEFERRED.name()))
			.orderBy(EXECUTION.CREATED_AT.desc(), EXECUTION.ACTION_INDEX.desc())
			.limit(limit)
			.fetch((r) -> new DeferredRow(new ExecutionId(r.value1()), r.value2(), new RuleId(r.value3()), r.value4(),
					r.value5(), r.value6(), (r.value7() != null) ? r.value7().toInstant() : null,
					r.value8().toInstant()));
	}

	/**
	 * Per executor key: its next nonce, unconfirmed count and the oldest unconfirmed
	 * signing time.
	 */
	record KeyRow(long chainId, String address, long nextNonce, int unconfirmed, @Nullable Instant oldest) {
	}

	List<KeyRow> keys() {
		List<String> open = List.of(ExecutionState.SIGNED.name(), ExecutionState.BROADCAST.name(),
				ExecutionState.MINED.name());
		return this.dsl.selectFrom(EXECUTOR_KEY).orderBy(EXECUTOR_KEY.CHAIN_ID, EXECUTOR_KEY.ADDRESS).fetch(key -> {
			var unconfirmed = this.dsl.select(count(), min(EXECUTION.UPDATED_AT))
				.from(EXECUTION)
				.where(EXECUTION.CHAIN_ID.eq(key.getChainId())
					.and(EXECUTION.FROM_ADDRESS.eq(key.getAddress()))
					.and(EXECUTION.STATE.in(open)))
				.fetchSingle();
			return new KeyRow(key.getChainId(), key.getAddress(), key.getNextNonce(), unconfirmed.value1(),
					(unconfirmed.value2() != null) ? unconfirmed.value2().toInstant() : null);
		});
	}

	/** The rows, newest first, and their steps fetched together. */
	private List<Execution> executions(Condition where, int limit) {
		List<ExecutionRecord> rows = this.dsl.selectFrom(EXECUTION)
			.where(where)
			.orderBy(EXECUTION.CREATED_AT.desc(), EXECUTION.ACTION_INDEX.desc())
			.limit(limit)
			.fetch();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<ExecutionStep>> steps = this.dsl.selectFrom(EXECUTION_STEP)
			.where(EXECUTION_STEP.EXECUTION_ID.in(rows.stream().map(ExecutionRecord::getId).toList()))
			.orderBy(EXECUTION_STEP.EXECUTION_ID, EXECUTION_STEP.SEQ)
			.fetch()
			.stream()
			.collect(Collectors.groupingBy((s) -> s.getExecutionId(),
					Collectors.mapping((s) -> new ExecutionStep(ExecutionState.valueOf(s.getState()),
							s.getAt().toInstant(), s.getDetail()), Collectors.toList())));
		return rows.stream().map((r) -> toExecution(r, steps.getOrDefault(r.getId(), List.of()))).toList();
	}

	private static Execution toExecution(ExecutionRecord r, List<ExecutionStep> steps) {
		return new Execution(new ExecutionId(r.getId()), r.getIntentId(), r.getActionIndex(), r.getOwnerId(),
				new RuleId(r.getRuleId()), r.getRuleName(), Mode.valueOf(r.getMode()),
				ExecutionState.valueOf(r.getState()), r.getSummary(), r.getOnchainId(), r.getReason(), r.getChainId(),
				r.getVaultAddress(), r.getFromAddress(), r.getNonce(), r.getTxHash(), r.getBlockNumber(),
				r.getGasUsed(), r.getCostWei(), ExecutionResults.parse(r.getResult()),
				(r.getExpiresAt() != null) ? r.getExpiresAt().toInstant() : null, r.getCreatedAt().toInstant(),
				r.getUpdatedAt().toInstant(), steps);
	}

	/** Executions in the approvals inbox past their expiry: the intake expires them. */
	List<ExecutionId> expiredApprovals(int limit) {
		return this.dsl.select(EXECUTION.ID)
			.from(EXECUTION)
			.where(EXECUTION.STATE.eq(ExecutionState.AWAITING_APPROVAL.name())
				.and(EXECUTION.EXPIRES_AT.lt(now(this.clock))))
			.limit(limit)
			.fetch(r -> new ExecutionId(r.value1()));
	}

	/**
	 * Executions sent and not yet final, per key in nonce order: the confirmation job
	 * checks them.
	 */
	List<ExecutionRecord> inFlight(int limit) {
		return this.dsl.selectFrom(EXECUTION)
			.where(EXECUTION.STATE.in(ExecutionState.BROADCAST.name(), ExecutionState.MINED.name()))
			.orderBy(EXECUTION.CHAIN_ID, EXECUTION.FROM_ADDRESS, EXECUTION.NONCE)
			.limit(limit)
			.fetch();
	}

}
