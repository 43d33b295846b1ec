package com.yieldpilot.execution.internal.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.yieldpilot.execution.ExecutionConfirmed;
import com.yieldpilot.execution.ExecutionFailed;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.internal.db.tables.records.ExecutionRecord;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.IntentStatus;
import com.yieldpilot.rules.RuleIntents;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static com.yieldpilot.execution.internal.db.Tables.EXECUTION;

/**
 * How an execution ends and what its intent does then: the final state, the event the
 * other modules hear of it, the intent's next action made ready (after one that
 * confirmed, was skipped or was only recorded on paper) or the later ones cancelled, and
 * the intent settled once all of its executions are final, in the commit that ends it.
 * The pipeline's stops, the approvals inbox and the confirmations all end executions
 * through here, so an intent settles the same way whichever of them ended its last
 * execution. It runs nothing itself: the execution it makes ready is the pipeline's to
 * run, once this commits.
 */
@Component
class ExecutionEndings {

	/**
	 * The pipeline's logger: these lines were the pipeline's before ending had a class of
	 * its own, and whatever filters or watches them by logger name keeps finding them.
	 */
	private static final Logger log = LoggerFactory.getLogger(ExecutionPipeline.class);

	private final ExecutionStore store;

	private final RuleIntents intents;

	private final ExecutionResults results;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<ExecutionCrashHook> crashHook;

	ExecutionEndings(ExecutionStore store, RuleIntents intents, ExecutionResults results,
			TransactionTemplate transactions, ApplicationEventPublisher events,
			ObjectProvider<ExecutionCrashHook> crashHook) {
		this.store = store;
		this.intents = intents;
		this.results = results;
		this.transactions = transactions;
		this.events = events;
		this.crashHook = crashHook;
	}

	/**
	 * What ending an execution did.
	 *
	 * @param moved whether it moved: false when it was no longer in a state it may end
	 * from (another node, or another step, moved it first)
	 * @param next the intent's execution made ready to run next; null when there is none
	 */
	record Ended(boolean moved, @Nullable ExecutionId next) {
	}

	/**
	 * Ends an execution and lets the intent go on, or end, with it, all in one commit:
	 * the move, the event that tells the other modules, and the intent's next action made
	 * ready, or the later ones cancelled and the intent settled. A node that stops
	 * anywhere in between leaves the execution where it was, to be ended again; never an
	 * ended execution whose intent stays open and holds up the farmer's next intents on
	 * the same funds.
	 * @return whether it moved, and the intent's execution made ready to run next
	 */
	Ended finish(ExecutionId id, @Nullable Long token, Set<ExecutionState> from, ExecutionState to, String reason,
			@Nullable Map<org.jooq.Field<?>, Object> sets) {
		Map<org.jooq.Field<?>, Object> values = new java.util.HashMap<>((sets != null) ? sets : Map.of());
		if (to == ExecutionState.CONFIRMED) {
			this.store.row(id).flatMap(this.results::read).ifPresent((result) -> values.put(EXECUTION.RESULT, result));
		}
		Ended ended = this.transactions.execute((status) -> {
			if (!this.store.move(id, token, from, to, reason, values)) {
				return new Ended(false, null);
			}
			ExecutionRecord row = this.store.row(id).orElseThrow();
			if (to == ExecutionState.FAILED) {
				this.events.publishEvent(
						new ExecutionFailed(id, row.getIntentId(), row.getOwnerId(), reason, row.getTxHash()));
			}
			if (to == ExecutionState.CONFIRMED) {
				this.events.publishEvent(new ExecutionConfirmed(id, row.getIntentId(), row.getOwnerId(),
						row.getChainId(), row.getTxHash(), row.getBlockNumber(), row.getGasUsed(), row.getCostWei()));
			}
			this.crashHook.getIfAvailable(() -> ExecutionCrashHook.NONE).reached(id, to);
			return new Ended(true, next(row));
		});
		if (ended != null && ended.moved()) {
			log.info("Execution {} {}: {}", id, to.name().toLowerCase(Locale.ROOT), reason);
			return ended;
		}
		return new Ended(false, null);
	}

	/**
	 * After an execution ends: make the intent's next action ready, or settle the intent.
	 * @return the execution made ready, for the caller to run once this commits; null
	 * when there is none
	 */
	private @Nullable ExecutionId next(ExecutionRecord ended) {
		ExecutionState state = ExecutionState.valueOf(ended.getState());
		List<ExecutionRecord> all = this.store.rowsOfIntent(ended.getIntentId());
		boolean goOn = state == ExecutionState.CONFIRMED || state == ExecutionState.SKIPPED
				|| state == ExecutionState.PAPER_RECORDED;
		for (ExecutionRecord later : all) {
			if (later.getActionIndex() > ended.getActionIndex()
					&& ExecutionState.valueOf(later.getState()) == ExecutionState.QUEUED) {
				if (goOn) {
					this.store.ready(new ExecutionId(later.getId()));
					return new ExecutionId(later.getId());
				}
				this.store.move(new ExecutionId(later.getId()), null, ExecutionState.QUEUED, ExecutionState.CANCELLED,
						"not run: action " + (ended.getActionIndex() + 1) + " ended "
								+ state.name().toLowerCase(Locale.ROOT));
			}
		}
		settle(ended.getIntentId(), this.store.rowsOfIntent(ended.getIntentId()));
		return null;
	}

	private void settle(com.yieldpilot.rules.IntentId intent, List<ExecutionRecord> all) {
		if (all.stream().anyMatch((r) -> !ExecutionState.valueOf(r.getState()).isFinal())) {
			return;
		}
		IntentStatus status = IntentStatus.COMPLETED;
		List<String> reasons = new ArrayList<>();
		for (ExecutionRecord r : all) {
			ExecutionState s = ExecutionState.valueOf(r.getState());
			switch (s) {
				case FAILED -> status = IntentStatus.FAILED;
				case EXPIRED -> status = (status == IntentStatus.FAILED) ? status : IntentStatus.EXPIRED;
				case REJECTED -> status = (status == IntentStatus.COMPLETED) ? IntentStatus.BLOCKED : status;
				default -> {
				}
			}
			if (s != ExecutionState.CANCELLED) {
				reasons.add(describe(r, s));
			}
		}
		String reason = String.join("; ", reasons);
		// settled otherwise meanwhile: left as it is (the settlement would refuse, and
		// take this ending's commit down with it)
		IntentStatus now = this.intents.find(intent).map(ActionIntent::status).orElse(null);
		if (now != null && now.terminal() && now != status) {
			log.warn("Intent {} was already settled otherwise: it is {}, not {}", intent, now, status);
			return;
		}
		this.intents.settle(intent, status, (reason.length() <= 500) ? reason : reason.substring(0, 499) + "…");
	}

	private static String describe(ExecutionRecord r, ExecutionState s) {
		return switch (s) {
			case CONFIRMED -> "confirmed: " + r.getSummary() + " in tx " + r.getTxHash();
			case REJECTED -> "rejected in your approvals inbox";
			default -> String.valueOf(r.getReason());
		};
	}

}
