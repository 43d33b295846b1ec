package com.yieldpilot.execution.internal.pipeline;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.internal.db.tables.records.ExecutionRecord;
import com.yieldpilot.platform.DatabaseFull;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.RuleIntents;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an accepted intent's fund-moving actions one after the other: plan → cost check →
 * simulate → sign and save → broadcast, each state stored before the next step, under the
 * node's lease on the execution. Executions ready at the same time run as one batch
 * through each step ({@link BatchRun}, decision 0018), each still under a lease and
 * fencing token of its own. This class owns the hand-off: what is ready runs on the
 * pipeline's threads once the transaction that made it ready commits, claimed unless this
 * node created it leased to itself. Nothing before signing spends a nonce, so a node that
 * resumes an execution stopped there plans it again from the chain as it is now; one that
 * resumes a signed execution only ever sends the saved bytes. The signing transaction
 * checks each execution's fencing token and takes the key's next nonces under a row lock,
 * so two nodes never sign the same execution and never share a nonce.
 */
@Component
public class ExecutionPipeline {

	/** The states a node may pick an execution up from to run its steps. */
	static final Set<ExecutionState> RUNNABLE = EnumSet.of(ExecutionState.QUEUED, ExecutionState.PLANNED,
			ExecutionState.COST_CHECKED, ExecutionState.SIMULATED, ExecutionState.DEFERRED, ExecutionState.SIGNED);

	static final Set<ExecutionState> BEFORE_SIGNING = EnumSet.of(ExecutionState.QUEUED, ExecutionState.PLANNED,
			ExecutionState.COST_CHECKED, ExecutionState.SIMULATED, ExecutionState.DEFERRED);

	private final ExecutionLeases leases;

	private final RuleIntents intents;

	private final ExecutionEndings endings;

	private final ExecutionProperties properties;

	private final Scheduler scheduler;

	private final BatchRun batches;

	/** How many executions one batch takes at most. */
	static final int BATCH_SIZE = 256;

	/**
	 * How many batches run at once on a node: a batch that waits on a slow RPC holds up
	 * only its own executions, and the next firings start without waiting for it.
	 */
	static final int BATCHES_IN_FLIGHT = 2;

	private final ExecutorService runner = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("execution-", 0).factory());

	private final ReadyQueue<Ready> ready = new ReadyQueue<>(BATCH_SIZE, BATCHES_IN_FLIGHT, this.runner,
			this::runReady);

	/**
	 * An execution ready to run on this node, with its fencing token when this node
	 * created it leased to itself ({@link ExecutionStore#create}); without one, the batch
	 * claims it.
	 */
	private record Ready(ExecutionId id, @Nullable Long token, BatchStart.@Nullable Created created) {

		Ready(ExecutionId id, @Nullable Long token) {
			this(id, token, null);
		}

	}

	ExecutionPipeline(ExecutionStore store, ExecutionLeases leases, RuleIntents intents, BatchStart start,
			BatchPreflight preflight, BatchSigning signing, BatchBroadcast broadcast, ExecutionEndings endings,
			ExecutionProperties properties, ObjectProvider<ExecutionCrashHook> crashHook, Scheduler scheduler,
			Clock clock, DatabaseFull databaseFull) {
		this.leases = leases;
		this.intents = intents;
		this.endings = endings;
		this.properties = properties;
		this.scheduler = scheduler;
		this.batches = new BatchRun(new BatchRun.Steps(start, preflight, signing, broadcast), store, properties,
				crashHook, clock, databaseFull,
				(id, token, from, to, reason) -> finish(id, token, from, to, reason, null));
	}

	/**
	 * Runs the execution on the pipeline's own threads once the caller's transaction (the
	 * one that created or released it) commits: no step of the pipeline may ride on, or
	 * be rolled back with, someone else's transaction. Were this node to die before, the
	 * execution is marked ready and any node's heartbeat runs it.
	 */
	void runAfterCommit(ExecutionId id) {
		runAfterCommit(new Ready(id, null));
	}

	/**
	 * {@link #runAfterCommit(ExecutionId)} for an execution created leased to this node
	 * under {@link ExecutionStore#CREATED_TOKEN}: its first run needs no claim, and
	 * starts from the row as inserted and the intent it was created for, without reading
	 * either again (its writes are fenced by the token like any run's).
	 */
	void runCreatedAfterCommit(ExecutionRecord row, ActionIntent intent) {
		runAfterCommit(new Ready(new ExecutionId(row.getId()), ExecutionStore.CREATED_TOKEN,
				new BatchStart.Created(row, intent)));
	}

	private void runAfterCommit(Ready execution) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ExecutionPipeline.this.ready.add(execution);
				}
			});
		}
		else {
			this.ready.add(execution);
		}
	}

	/**
	 * Runs the work on this thread; the executions it starts or releases run on this
	 * thread right after it (once their transactions committed), as one batch with
	 * whatever else is ready, if a batch may start, rather than on a thread of their own.
	 * For a thread whose only work left is to hand them over: the guardrails' review
	 * (decision 0017, third round).
	 */
	public void runStartedHere(Runnable work) {
		this.ready.holding(work);
	}

	@PreDestroy
	void stop() {
		this.runner.shutdown();
	}

	/**
	 * Runs the execution's steps from where it stands, if no other node works on it.
	 */
	public void run(ExecutionId id) {
		runAll(List.of(id));
	}

	/**
	 * Runs the executions' steps as one batch, each from where it stands, those that no
	 * other node works on (decision 0018): one claim, one read, one batched vault read,
	 * fee quote and simulation per chain, one signing transaction per key and one batched
	 * send, and each state change of the batch in one commit. Every execution keeps its
	 * own lease token, so each is fenced on its own; one that stops (a revert, fees above
	 * its cap, a lost lease) leaves the batch without holding up the others.
	 */
	void runAll(List<ExecutionId> ids) {
		run(this.leases.claimAll(ids, node(), this.properties.lease(), RUNNABLE));
	}

	/**
	 * {@link #runAll} of the ready executions: those this node created leased to itself
	 * run under the token they were created with, the others are claimed.
	 */
	private void runReady(List<Ready> batch) {
		Map<ExecutionId, Long> held = new LinkedHashMap<>();
		Map<ExecutionId, BatchStart.Created> created = new LinkedHashMap<>();
		for (Ready ready : batch) {
			if (ready.token() != null) {
				held.putIfAbsent(ready.id(), ready.token());
			}
			if (ready.created() != null) {
				created.putIfAbsent(ready.id(), ready.created());
			}
		}
		List<ExecutionId> unclaimed = batch.stream()
			.map(Ready::id)
			.filter((id) -> !held.containsKey(id))
			.distinct()
			.toList();
		if (!unclaimed.isEmpty()) {
			held.putAll(this.leases.claimAll(unclaimed, node(), this.properties.lease(), RUNNABLE));
		}
		run(held, created);
	}

	private void run(Map<ExecutionId, Long> claimed) {
		run(claimed, Map.of());
	}

	/**
	 * Runs the claimed executions as one batch ({@link BatchRun}) and releases their
	 * leases.
	 */
	private void run(Map<ExecutionId, Long> claimed, Map<ExecutionId, BatchStart.Created> created) {
		if (claimed.isEmpty()) {
			return;
		}
		this.batches.run(claimed, created);
		this.leases.releaseAll(claimed);
	}

	/**
	 * Ends an execution and lets the intent go on, or end, with it
	 * ({@link ExecutionEndings}); the intent's next execution, if one was made ready,
	 * runs here once that commits.
	 * @return whether it moved: false when it was no longer in a state it may end from
	 */
	boolean finish(ExecutionId id, @Nullable Long token, Set<ExecutionState> from, ExecutionState to, String reason,
			@Nullable Map<org.jooq.Field<?>, Object> sets) {
		ExecutionEndings.Ended ended = this.endings.finish(id, token, from, to, reason, sets);
		ExecutionId next = ended.next();
		if (next != null) {
			runAfterCommit(next);
		}
		return ended.moved();
	}

	String node() {
		try {
			return this.scheduler.getSchedulerInstanceId();
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("The scheduler has no instance id", ex);
		}
	}

	/** The rule's own cap on gas, if it wrote one. */
	java.math.@Nullable BigDecimal ruleCap(ExecutionRecord row) {
		return this.intents.find(row.getIntentId()).map(ActionIntent::maxGasGwei).orElse(null);
	}

}
