package com.yieldpilot.execution.internal.pipeline;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.platform.DatabaseFull;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;

import static com.yieldpilot.execution.internal.db.Tables.EXECUTION;

/**
 * One claimed batch's way through the steps (decision 0018): signed executions have their
 * saved bytes sent again, the others go plan → cost check → simulate → sign and save →
 * broadcast, each step for the whole batch at once ({@link BatchStart},
 * {@link BatchPreflight}, {@link BatchSigning}, {@link BatchBroadcast}). An execution
 * that cannot go on leaves the batch here: ended, recorded as paper, or deferred. Built
 * by {@link ExecutionPipeline}, which owns the claims and the hand-off of the next
 * executions an ending makes ready.
 */
final class BatchRun {

	private static final Logger log = LoggerFactory.getLogger(BatchRun.class);

	/** Ends an execution as {@link ExecutionPipeline#finish} does. */
	@FunctionalInterface
	interface Finish {

		void finish(ExecutionId id, @Nullable Long token, Set<ExecutionState> from, ExecutionState to, String reason);

	}

	private final BatchStart start;

	private final BatchPreflight preflight;

	private final BatchSigning signing;

	private final BatchBroadcast broadcast;

	private final ExecutionStore store;

	private final ExecutionProperties properties;

	private final ObjectProvider<ExecutionCrashHook> crashHook;

	private final Clock clock;

	private final DatabaseFull databaseFull;

	private final Finish finish;

	BatchRun(Steps steps, ExecutionStore store, ExecutionProperties properties,
			ObjectProvider<ExecutionCrashHook> crashHook, Clock clock, DatabaseFull databaseFull, Finish finish) {
		this.start = steps.start();
		this.preflight = steps.preflight();
		this.signing = steps.signing();
		this.broadcast = steps.broadcast();
		this.store = store;
		this.properties = properties;
		this.crashHook = crashHook;
		this.clock = clock;
		this.databaseFull = databaseFull;
		this.finish = finish;
	}

	/** The batch steps, in their order. */
	record Steps(BatchStart start, BatchPreflight preflight, BatchSigning signing, BatchBroadcast broadcast) {
	}

	/**
	 * Runs the claimed executions; those just created here start from their row and
	 * intent as created, the others are read ({@link BatchStart}). An unexpected failure
	 * before signing defers what was not signed yet; one after it leaves the saved
	 * transactions to be sent again.
	 */
	void run(Map<ExecutionId, Long> claimed, Map<ExecutionId, BatchStart.Created> created) {
		List<BatchItem> signed = new ArrayList<>();
		List<BatchItem> planning = new ArrayList<>();
		for (BatchItem item : this.start.items(claimed, created)) {
			(ExecutionState.SIGNED.name().equals(item.row.getState()) ? signed : planning).add(item);
		}
		if (!signed.isEmpty()) {
			try {
				broadcastAll(signed);
			}
			catch (RuntimeException ex) {
				log.warn("{} signed executions stopped unexpectedly; their saved transactions will be re-sent",
						signed.size(), ex);
			}
		}
		if (!planning.isEmpty()) {
			try {
				fromPlan(planning);
			}
			catch (RuntimeException ex) {
				String why;
				if (this.databaseFull.raised(ex)) {
					// its ALERT is logged once a minute, not once per batch
					why = "the database ran out of disk space before it was signed, so nothing was sent; "
							+ "it is tried again when its deferral ends";
				}
				else {
					log.warn("{} executions stopped unexpectedly; those not signed yet are deferred", planning.size(),
							ex);
					why = "an unexpected error stopped it before signing (" + ex.getMessage() + ")";
				}
				// a no-op for those that signed, ended or lost their lease meanwhile
				planning.forEach((item) -> defer(item.id, item.token(), why));
			}
		}
	}

	private void fromPlan(List<BatchItem> batch) {
		List<BatchItem> gone = this.start.withIntents(batch);
		gone.forEach((item) -> this.finish.finish(item.id, item.token(), ExecutionPipeline.BEFORE_SIGNING,
				ExecutionState.FAILED, "its intent no longer exists"));
		List<BatchItem> found = batch.stream().filter((item) -> !gone.contains(item)).toList();
		if (found.isEmpty()) {
			return;
		}
		List<BatchItem> simulated = this.preflight.preflightAll(found, this::stop);
		List<BatchItem> live = new ArrayList<>();
		for (BatchItem item : simulated) {
			if (item.paper()) {
				this.finish.finish(item.id, item.token(), Set.of(ExecutionState.SIMULATED),
						ExecutionState.PAPER_RECORDED,
						"paper: would " + item.plan().summary() + " (simulated, not signed)");
			}
			else {
				live.add(item);
			}
		}
		if (live.isEmpty()) {
			return;
		}
		List<BatchItem> signed = new ArrayList<>();
		for (Map.Entry<Long, List<BatchItem>> chain : BatchItem.byChain(this.preflight.cleared(live, this::stop))
			.entrySet()) {
			signed.addAll(signAll(chain.getKey(), chain.getValue()));
		}
		if (signed.isEmpty()) {
			return;
		}
		signed.forEach((i) -> this.crashHook.getIfAvailable(() -> ExecutionCrashHook.NONE)
			.reached(i.id, ExecutionState.SIGNED));
		broadcastAll(signed);
	}

	/**
	 * Signs and saves the items still fenced in ({@link BatchSigning}); defers them all
	 * when the key's nonce cannot be read.
	 * @return the items signed, each with the row's new values set
	 */
	private List<BatchItem> signAll(long chainId, List<BatchItem> items) {
		BatchSigning.Signatures signatures = this.signing.signAll(chainId,
				items.stream().map(BatchItem::unsigned).toList());
		if (signatures.unsignable() != null) {
			items.forEach((i) -> defer(i.id, i.token(), signatures.unsignable()));
			return List.of();
		}
		Map<ExecutionId, BatchItem> byId = new LinkedHashMap<>();
		items.forEach((i) -> byId.put(i.id, i));
		return signatures.signed().stream().map((each) -> byId.get(each.id()).signed(chainId, each)).toList();
	}

	/**
	 * Sends the saved transactions of the signed items ({@link BatchBroadcast}); never
	 * signs anything new.
	 */
	private void broadcastAll(List<BatchItem> items) {
		this.broadcast.broadcastAll(items.stream().map(BatchItem::saved).toList());
	}

	/**
	 * Ends or defers an execution that cannot go on. A paper execution records what would
	 * have happened instead of failing or waiting: nothing of it was ever going to move.
	 */
	private void stop(BatchItem item, Outcome<?> outcome) {
		ExecutionId id = item.id;
		long token = item.token();
		if (item.paper() && (outcome instanceof Outcome.Fail<?> || outcome instanceof Outcome.Defer<?>)) {
			String why = (outcome instanceof Outcome.Fail<?> fail) ? "would fail: " + fail.reason()
					: "could not be simulated now: " + ((Outcome.Defer<?>) outcome).reason();
			this.finish.finish(id, token, ExecutionPipeline.BEFORE_SIGNING, ExecutionState.PAPER_RECORDED,
					"paper: " + why);
			return;
		}
		switch (outcome) {
			case Outcome.Skip<?> skip ->
				this.finish.finish(id, token, ExecutionPipeline.BEFORE_SIGNING, ExecutionState.SKIPPED, skip.reason());
			case Outcome.Fail<?> fail ->
				this.finish.finish(id, token, ExecutionPipeline.BEFORE_SIGNING, ExecutionState.FAILED, fail.reason());
			case Outcome.Defer<?> defer -> defer(id, token, defer.reason());
			case Outcome.Next<?> next -> throw new IllegalArgumentException("not a stop");
		}
	}

	private void defer(ExecutionId id, long token, String reason) {
		this.store.move(id, token, ExecutionPipeline.BEFORE_SIGNING, ExecutionState.DEFERRED, reason, Map.of(
				EXECUTION.RETRY_AT,
				OffsetDateTime.ofInstant(this.clock.instant().plus(this.properties.deferFor()), ZoneOffset.UTC)));
	}

}
