package com.yieldpilot.execution.internal.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.internal.db.tables.records.ExecutionRecord;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.lang.Mode;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.execution.internal.pipeline.Columns.ids;
import static com.yieldpilot.execution.internal.pipeline.Columns.names;
import static com.yieldpilot.execution.internal.pipeline.Columns.now;
import static com.yieldpilot.execution.internal.pipeline.Columns.relaxedCommit;
import static com.yieldpilot.execution.internal.pipeline.Columns.time;
import static com.yieldpilot.execution.internal.db.Tables.EXECUTION;

/**
 * The pipeline's rows. Every change of state is one statement: a conditional update (on
 * the state it leaves and, for a node's own steps, its fencing token) that appends its
 * steps to the history ({@link StepStatements}), so a node that lost its lease or a step
 * run twice changes nothing. What the executor signs and sends on chain is
 * {@link ChainTxStore}'s.
 */
@Repository
public class ExecutionStore {

	/**
	 * The fencing token of an execution created ready to run, leased to the node that
	 * created it; every later claim raises it, as from the column's 0.
	 */
	static final long CREATED_TOKEN = 1;

	private final DSLContext dsl;

	private final Clock clock;

	ExecutionStore(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	/** A new execution row: one fund-moving action of an intent. */
	record NewExecution(ExecutionId id, IntentId intent, int actionIndex, UserId owner, RuleId rule, String ruleName,
			Mode mode, double scale, String onchainId, ExecutionState state, boolean ready,
			@Nullable Instant expiresAt) {
	}

	/**
	 * Inserts the executions unless they exist (a redelivered event finds them): the
	 * executions of a whole batch of accepted intents and the first step of each one
	 * inserted in one statement. Those ready to run are created leased to {@code node},
	 * with their first fencing token ({@link #CREATED_TOKEN}): the node that creates them
	 * runs them at once, so it needs no claim of its own, and any other node takes one
	 * over only when its lease lapses, as after any claim. The rows go in the order of
	 * their intents, so two nodes creating overlapping batches wait for each other
	 * instead of deadlocking.
	 * @return the rows this call inserted, as stored, by execution: what their first run
	 * on this node starts from without reading them again
	 */
	@Transactional
	Map<ExecutionId, ExecutionRecord> createAll(List<NewExecution> executions, String node, Duration lease) {
		if (executions.isEmpty()) {
			return Map.of();
		}
		OffsetDateTime now = now(this.clock);
		List<NewExecution> sorted = executions.stream()
			.sorted(Comparator.comparing((NewExecution e) -> e.intent().value())
				.thenComparingInt(NewExecution::actionIndex))
			.toList();
		var insert = this.dsl.insertInto(EXECUTION, EXECUTION.ID, EXECUTION.INTENT_ID, EXECUTION.ACTION_INDEX,
				EXECUTION.OWNER_ID, EXECUTION.RULE_ID, EXECUTION.RULE_NAME, EXECUTION.MODE, EXECUTION.SCALE,
				EXECUTION.ONCHAIN_ID, EXECUTION.STATE, EXECUTION.EXPIRES_AT, EXECUTION.RETRY_AT, EXECUTION.LEASE_OWNER,
				EXECUTION.LEASE_UNTIL, EXECUTION.LEASE_TOKEN, EXECUTION.CREATED_AT, EXECUTION.UPDATED_AT,
				EXECUTION.LAST_STEP);
		for (NewExecution e : sorted) {
			insert = insert.values(e.id().value(), e.intent(), e.actionIndex(), e.owner(), e.rule().value(),
					e.ruleName(), e.mode().name(),
					java.math.BigDecimal.valueOf(e.scale()).setScale(6, java.math.RoundingMode.DOWN), e.onchainId(),
					e.state().name(), time(e.expiresAt()), e.ready() ? now : null, e.ready() ? node : null,
					e.ready() ? now.plus(lease) : null, e.ready() ? CREATED_TOKEN : 0L, now, now, 1);
		}
		Map<ExecutionId, ExecutionRecord> inserted = new HashMap<>();
		StepStatements
			.withFirstSteps(this.dsl, insert.onConflictDoNothing().returning(),
					sorted.stream()
						.filter((e) -> e.state() == ExecutionState.AWAITING_APPROVAL)
						.collect(Collectors.toMap(NewExecution::id,
								(e) -> "waiting for your approval until " + e.expiresAt())))
			.forEach((r) -> inserted.put(new ExecutionId(r.getId()), r));
		return inserted;
	}

	Optional<ExecutionRecord> row(ExecutionId id) {
		return this.dsl.selectFrom(EXECUTION).where(EXECUTION.ID.eq(id.value())).fetchOptional();
	}

	List<ExecutionRecord> rowsOfIntent(IntentId intent) {
		return this.dsl.selectFrom(EXECUTION)
			.where(EXECUTION.INTENT_ID.eq(intent))
			.orderBy(EXECUTION.ACTION_INDEX)
			.fetch();
	}

	/**
	 * The executions' rows, oldest first: a batch runs, and takes its nonces, in the
	 * order the executions were created, whichever plan PostgreSQL picks for the query.
	 */
	List<ExecutionRecord> rows(Collection<ExecutionId> ids) {
		return this.dsl.selectFrom(EXECUTION)
			.where(EXECUTION.ID.in(ids(ids)))
			.orderBy(EXECUTION.CREATED_AT, EXECUTION.ID)
			.fetch();
	}

	/**
	 * Marks a queued execution ready to run: from now on any node's heartbeat runs it if
	 * the node that should have does not.
	 */
	void ready(ExecutionId id) {
		this.dsl.update(EXECUTION)
			.set(EXECUTION.RETRY_AT, now(this.clock))
			.where(EXECUTION.ID.eq(id.value()))
			.and(EXECUTION.STATE.eq(ExecutionState.QUEUED.name()))
			.execute();
	}

	/**
	 * Moves the execution from one of {@code from} to {@code to}, setting the given
	 * columns too, and records the step. With a token, only while the caller still holds
	 * the lease.
	 * @return whether it moved
	 */
	boolean move(ExecutionId id, @Nullable Long token, Collection<ExecutionState> from, ExecutionState to,
			@Nullable String detail, Map<Field<?>, Object> sets) {
		Map<Field<?>, Object> values = new HashMap<>(sets);
		values.put(EXECUTION.STATE, to.name());
		OffsetDateTime now = now(this.clock);
		values.put(EXECUTION.UPDATED_AT, now);
		if (detail != null) {
			values.put(EXECUTION.REASON, StepStatements.brief(detail));
		}
		Condition where = EXECUTION.ID.eq(id.value()).and(EXECUTION.STATE.in(names(from)));
		if (token != null) {
			where = where.and(EXECUTION.LEASE_TOKEN.eq(token));
		}
		return StepStatements
			.moveWithSteps(this.dsl, where, values, List.of(new StepStatements.StepRow(to, detail, now)))
			.execute() > 0;
	}

	/** One execution's move in {@link #advanceAll}. */
	record Advance(ExecutionId id, @Nullable Long token, String detail, Map<Field<?>, Object> sets) {
	}

	/** A state an execution reached, when, why, and the columns it sets. */
	record Step(ExecutionState state, String detail, OffsetDateTime at, Map<Field<?>, Object> sets) {
	}

	/**
	 * The states an execution reached one after the other since its stored one, to be
	 * stored together; it ends in the last.
	 */
	record Steps(ExecutionId id, @Nullable Long token, List<Step> steps) {

		Steps {
			if (steps.isEmpty()) {
				throw new IllegalArgumentException("no step to store");
			}
			steps = List.copyOf(steps);
		}

	}

	/**
	 * Moves like {@link #move}, many executions in one transaction of their own whose
	 * commit does not wait for PostgreSQL to flush it to disk (it is visible to every
	 * node at once, and durable within the WAL writer's delay): each moves only from
	 * {@code from} and under its own token. Only for steps recovery redoes when they are
	 * lost: a crash of PostgreSQL right after leaves an execution a step earlier, where a
	 * planned, checked or simulated one is planned again from the chain, and a broadcast
	 * one (still signed) sends the same saved bytes again. The signing transaction waits
	 * for its flush, and that flush makes every earlier step durable with it.
	 * @return the executions that moved
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Set<ExecutionId> advanceAll(List<Advance> advances, Collection<ExecutionState> from, ExecutionState to) {
		OffsetDateTime now = now(this.clock);
		return storeSteps(advances.stream()
			.map((a) -> new Steps(a.id(), a.token(), List.of(new Step(to, a.detail(), now, a.sets()))))
			.toList(), from);
	}

	/**
	 * {@link #advanceAll} of several steps per execution, each step stored with its own
	 * time and detail (decision 0017, third round): the steps before signing spend
	 * nothing, so they are stored together, in one commit not waited for; one lost in a
	 * crash leaves the execution where recovery plans it again from the chain.
	 * @return the executions that moved
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Set<ExecutionId> advanceSteps(List<Steps> moves, Collection<ExecutionState> from) {
		return storeSteps(moves, from);
	}

	private Set<ExecutionId> storeSteps(List<Steps> moves, Collection<ExecutionState> from) {
		return moveSteps(moves, from, List.of(relaxedCommit(this.dsl)));
	}

	/**
	 * {@link #move} of many executions inside the caller's transaction, committed as the
	 * caller commits: each moves only from {@code from} and under its own token. The
	 * caller's {@code before} statement runs first, in the same round trip.
	 * @return the executions that moved
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Set<ExecutionId> moveAll(List<Advance> advances, Collection<ExecutionState> from, ExecutionState to, Query before) {
		OffsetDateTime now = now(this.clock);
		return moveSteps(advances.stream()
			.map((a) -> new Steps(a.id(), a.token(), List.of(new Step(to, a.detail(), now, a.sets()))))
			.toList(), from, List.of(before));
	}

	/**
	 * @param before statements of the same transaction to run first, in the same round
	 * trip as the moves
	 */
	private Set<ExecutionId> moveSteps(List<Steps> moves, Collection<ExecutionState> from, List<Query> before) {
		// in the order of their ids, as every statement that locks several executions;
		// each execution's move and its steps are one statement, and the statements go in
		// one JDBC batch
		List<Steps> sorted = moves.stream().sorted(Comparator.comparing((Steps m) -> m.id().value())).toList();
		List<Query> statements = new ArrayList<>(before);
		for (Steps m : sorted) {
			Map<Field<?>, Object> values = new HashMap<>();
			m.steps().forEach((step) -> values.putAll(step.sets()));
			Step last = m.steps().getLast();
			values.put(EXECUTION.STATE, last.state().name());
			values.put(EXECUTION.UPDATED_AT, last.at());
			values.put(EXECUTION.REASON, StepStatements.brief(last.detail()));
			Condition where = EXECUTION.ID.eq(m.id().value()).and(EXECUTION.STATE.in(names(from)));
			if (m.token() != null) {
				where = where.and(EXECUTION.LEASE_TOKEN.eq(m.token()));
			}
			statements.add(StepStatements.moveWithSteps(this.dsl, where, values,
					m.steps()
						.stream()
						.map((step) -> new StepStatements.StepRow(step.state(), step.detail(), step.at()))
						.toList()));
		}
		int[] counts = (statements.size() == 1) ? new int[] { statements.getFirst().execute() }
				: this.dsl.batch(statements).execute();
		int first = before.size();
		Set<ExecutionId> moved = new HashSet<>();
		for (int i = 0; i < sorted.size(); i++) {
			if (counts[first + i] > 0) {
				moved.add(sorted.get(i).id());
			}
		}
		return moved;
	}

	boolean move(ExecutionId id, @Nullable Long token, ExecutionState from, ExecutionState to,
			@Nullable String detail) {
		return move(id, token, List.of(from), to, detail, Map.of());
	}

	/** Records an alert an admin must look at, without moving the state. */
	void alert(ExecutionId id, String alert) {
		this.dsl.update(EXECUTION)
			.set(EXECUTION.ALERT, StepStatements.brief(alert))
			.set(EXECUTION.UPDATED_AT, now(this.clock))
			.where(EXECUTION.ID.eq(id.value()))
			.execute();
	}

	/**
	 * Appends a step without changing the state, numbered after every step another
	 * transaction appended first (the pipeline and the confirmation job write steps of
	 * one execution at the same time).
	 */
	void step(ExecutionId id, ExecutionState state, @Nullable String detail) {
		StepStatements
			.moveWithSteps(this.dsl, EXECUTION.ID.eq(id.value()), Map.of(),
					List.of(new StepStatements.StepRow(state, detail, now(this.clock))))
			.execute();
	}

}
