package com.yieldpilot.execution.internal.pipeline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.internal.db.tables.records.ExecutionRecord;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.IntentStatus;
import com.yieldpilot.rules.RuleIntents;
import com.yieldpilot.rules.lang.Action;
import com.yieldpilot.rules.lang.Mode;
import com.yieldpilot.rules.lang.Notify;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where executions come from: the intents the guardrails accepted, each fund-moving
 * action one execution, and the approvals inbox (approved, rejected, expired). What runs
 * them is {@link ExecutionPipeline}'s.
 */
@Component
public class ExecutionIntake {

	private final ExecutionStore store;

	private final ExecutionReads reads;

	private final ExecutionPipeline pipeline;

	private final RuleIntents intents;

	private final ExecutionProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ExecutionIntake(ExecutionStore store, ExecutionReads reads, ExecutionPipeline pipeline, RuleIntents intents,
			ExecutionProperties properties, TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.reads = reads;
		this.pipeline = pipeline;
		this.intents = intents;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** An intent the guardrails accepted, with the scale they set. */
	public record Accepted(ActionIntent intent, double scale) {
	}

	/**
	 * Takes the intents one batch of reviews accepted, in the caller's transaction when
	 * there is one (the acceptances and the executions commit together): one execution
	 * per fund-moving action, the first of each intent run once that commits (or put in
	 * the approvals inbox); an intent that only notifies is completed. A redelivered
	 * intent finds its executions and starts nothing twice.
	 */
	public void startAll(List<Accepted> accepted) {
		List<RuleIntents.Settlement> completed = new ArrayList<>();
		List<List<ExecutionStore.NewExecution>> created = new ArrayList<>();
		List<ActionIntent> creating = new ArrayList<>();
		for (Accepted each : accepted) {
			List<ExecutionStore.NewExecution> rows = executions(each.intent(), each.scale());
			if (rows.isEmpty()) {
				completed.add(new RuleIntents.Settlement(each.intent().id(), IntentStatus.COMPLETED,
						"nothing to execute: the rule only notifies"));
			}
			else {
				created.add(rows);
				creating.add(each.intent());
			}
		}
		if (!completed.isEmpty()) {
			this.intents.settleAll(completed);
		}
		if (created.isEmpty()) {
			return;
		}
		this.transactions.executeWithoutResult((status) -> {
			Map<ExecutionId, ExecutionRecord> inserted = this.store.createAll(
					created.stream().flatMap(List::stream).toList(), this.pipeline.node(), this.properties.lease());
			for (int i = 0; i < created.size(); i++) {
				ExecutionStore.NewExecution first = created.get(i).get(0);
				ExecutionRecord row = inserted.get(first.id());
				if (first.ready() && row != null) {
					// its first run starts from the row as stored and the intent as
					// reviewed (the pipeline reads only what does not change of it)
					this.pipeline.runCreatedAfterCommit(row, creating.get(i));
				}
			}
		});
	}

	private List<ExecutionStore.NewExecution> executions(ActionIntent intent, double scale) {
		List<ExecutionStore.NewExecution> rows = new ArrayList<>();
		List<Action> actions = intent.actions();
		boolean approval = intent.approvalRequired() && intent.mode() == Mode.LIVE;
		for (int i = 0; i < actions.size(); i++) {
			if (actions.get(i) instanceof Notify) {
				continue;
			}
			ExecutionState first = rows.isEmpty() && approval ? ExecutionState.AWAITING_APPROVAL
					: ExecutionState.QUEUED;
			rows.add(new ExecutionStore.NewExecution(ExecutionId.random(), intent.id(), i, intent.owner(),
					intent.rule(), intent.ruleName(), intent.mode(), scale, VaultCalls.onchainId(intent.id(), i), first,
					rows.isEmpty() && !approval,
					approval ? this.clock.instant().plus(this.properties.approvalTtl()) : null));
		}
		return rows;
	}

	/** Moves an execution out of the approvals inbox. */
	void decide(ExecutionId id, boolean approved) {
		if (approved) {
			if (!this.store.move(id, null, ExecutionState.AWAITING_APPROVAL, ExecutionState.QUEUED,
					"approved by you")) {
				throw new IllegalStateException("It no longer waits for approval");
			}
			this.store.ready(id);
			this.pipeline.runAfterCommit(id);
			return;
		}
		if (!this.pipeline.finish(id, null, Set.of(ExecutionState.AWAITING_APPROVAL), ExecutionState.REJECTED,
				"rejected by you: nothing moved", null)) {
			throw new IllegalStateException("It no longer waits for approval");
		}
	}

	/** Expires what waited in the approvals inbox too long. */
	void expireApprovals() {
		for (ExecutionId id : this.reads.expiredApprovals(100)) {
			this.pipeline.finish(id, null, Set.of(ExecutionState.AWAITING_APPROVAL), ExecutionState.EXPIRED,
					"not approved before it expired: nothing moved", null);
		}
	}

}
