package com.yieldpilot.execution.internal.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import static com.yieldpilot.execution.internal.pipeline.Columns.ids;
import static com.yieldpilot.execution.internal.pipeline.Columns.names;
import static com.yieldpilot.execution.internal.pipeline.Columns.now;
import static com.yieldpilot.execution.internal.db.Tables.EXECUTION;

/**
 * Which node works on which execution: leases with a fencing token per execution, taken
 * and let go in one statement per batch, the fence before signing, and what a heartbeat
 * may pick up. The rows' states are {@link ExecutionStore}'s.
 */
@Repository
class ExecutionLeases {

	private final DSLContext dsl;

	private final Clock clock;

	ExecutionLeases(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	/**
	 * Takes the lease on the executions in one of the states, unless another node holds
	 * it, in one statement: each one claimed gets a fencing token of its own (the steps
	 * of the node must present it), so each is still fenced on its own in every later
	 * step. The rows are locked in the order of their ids and those another claim holds
	 * at this moment are skipped (that claim gets them), so two batches, or a batch and
	 * the heartbeat, never deadlock over overlapping executions.
	 * @return the token of each execution this node now holds
	 */
	Map<ExecutionId, Long> claimAll(Collection<ExecutionId> ids, String node, Duration lease,
			Collection<ExecutionState> states) {
		OffsetDateTime now = now(this.clock);
		Condition claimable = EXECUTION.STATE.in(names(states))
			.and(EXECUTION.LEASE_UNTIL.isNull().or(EXECUTION.LEASE_UNTIL.lt(now)).or(EXECUTION.LEASE_OWNER.eq(node)));
		Map<ExecutionId, Long> tokens = new LinkedHashMap<>();
		this.dsl.update(EXECUTION)
			.set(EXECUTION.LEASE_OWNER, node)
			.set(EXECUTION.LEASE_UNTIL, now.plus(lease))
			.set(EXECUTION.LEASE_TOKEN, EXECUTION.LEASE_TOKEN.plus(1))
			.where(EXECUTION.ID.in(DSL.select(EXECUTION.ID)
				.from(EXECUTION)
				.where(EXECUTION.ID.in(ids(ids)).and(claimable))
				.orderBy(EXECUTION.ID)
				.forUpdate()
				.skipLocked()))
			.and(claimable)
			.returningResult(EXECUTION.ID, EXECUTION.LEASE_TOKEN)
			.fetch()
			.forEach((r) -> tokens.put(new ExecutionId(r.value1()), r.value2()));
		return tokens;
	}

	/**
	 * Lets the leases go, each under its own token, in one statement, so that another
	 * node need not wait for them to run out.
	 */
	void releaseAll(Map<ExecutionId, Long> tokens) {
		if (tokens.isEmpty()) {
			return;
		}
		this.dsl.update(EXECUTION)
			.setNull(EXECUTION.LEASE_OWNER)
			.setNull(EXECUTION.LEASE_UNTIL)
			.where(DSL.row(EXECUTION.ID, EXECUTION.LEASE_TOKEN)
				.in(tokens.entrySet().stream().map((e) -> DSL.row(e.getKey().value(), e.getValue())).toList()))
			.execute();
	}

	/**
	 * The fence before signing and sending: locks the executions' rows, in the order of
	 * their ids (so that two nodes' batches cannot deadlock), those still in the state
	 * under their own lease token.
	 * @return the executions locked; the others lost their lease or moved on
	 */
	Set<ExecutionId> lockAllFor(Map<ExecutionId, Long> tokens, ExecutionState state) {
		Set<ExecutionId> locked = new HashSet<>();
		this.dsl.select(EXECUTION.ID, EXECUTION.LEASE_TOKEN)
			.from(EXECUTION)
			.where(EXECUTION.ID.in(ids(tokens.keySet())).and(EXECUTION.STATE.eq(state.name())))
			.orderBy(EXECUTION.ID)
			.forUpdate()
			.fetch()
			.forEach((r) -> {
				ExecutionId id = new ExecutionId(r.value1());
				if (r.value2().equals(tokens.get(id))) {
					locked.add(id);
				}
			});
		return locked;
	}

	/**
	 * Executions a node may pick up: stopped mid-way with a lapsed lease, or deferred and
	 * due.
	 */
	List<ExecutionId> resumable(int limit) {
		OffsetDateTime now = now(this.clock);
		return this.dsl.select(EXECUTION.ID)
			.from(EXECUTION)
			.where(EXECUTION.STATE.in(names(List.of(ExecutionState.PLANNED, ExecutionState.COST_CHECKED,
					ExecutionState.SIMULATED, ExecutionState.SIGNED)))
				.and(EXECUTION.LEASE_UNTIL.isNull().or(EXECUTION.LEASE_UNTIL.lt(now))))
			.or(EXECUTION.STATE.in(ExecutionState.DEFERRED.name(), ExecutionState.QUEUED.name())
				.and(EXECUTION.RETRY_AT.le(now))
				.and(EXECUTION.LEASE_UNTIL.isNull().or(EXECUTION.LEASE_UNTIL.lt(now))))
			.orderBy(EXECUTION.CREATED_AT)
			.limit(limit)
			.fetch(r -> new ExecutionId(r.value1()));
	}

}
