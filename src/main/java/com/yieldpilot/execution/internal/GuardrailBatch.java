package com.yieldpilot.execution.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.yieldpilot.execution.ExecutionBlocked;
import com.yieldpilot.execution.GuardrailVerdict;
import com.yieldpilot.execution.GuardrailVerdict.Outcome;
import com.yieldpilot.execution.internal.GuardrailStore.OwnedVerdict;
import com.yieldpilot.execution.internal.pipeline.ExecutionIntake;
import com.yieldpilot.execution.internal.pipeline.ExecutionIntake.Accepted;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.IntentStatus;
import com.yieldpilot.rules.RuleIntents;
import com.yieldpilot.rules.RuleIntents.Settlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reviews a batch of proposed intents together (decision 0019): the intents and their
 * stored verdicts in one query each, the facts read together, a guardrail session per
 * intent, then the verdicts stored, the intents settled and the executions created in one
 * transaction, committed without waiting for the disk (decision 0017). An intent with a
 * stored verdict is not reviewed again: one accepted before is handed to the pipeline,
 * which starts nothing twice.
 */
@Component
class GuardrailBatch {

	private static final int MAX_REASON = 500;

	/** How often a review's commit is tried when it loses a lock conflict. */
	private static final int COMMIT_ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(GuardrailBatch.class);

	private final RuleIntents intents;

	private final GuardrailEngine engine;

	private final GuardrailStore store;

	private final ApplicationEventPublisher events;

	private final ExecutionIntake intake;

	private final TransactionTemplate transactions;

	private final ObjectProvider<ReviewCrashHook> crashHook;

	GuardrailBatch(RuleIntents intents, GuardrailEngine engine, GuardrailStore store, ApplicationEventPublisher events,
			ExecutionIntake intake, TransactionTemplate transactions, ObjectProvider<ReviewCrashHook> crashHook) {
		this.intents = intents;
		this.engine = engine;
		this.store = store;
		this.events = events;
		this.intake = intake;
		this.transactions = transactions;
		this.crashHook = crashHook;
	}

	/** One reviewed intent and its verdict. */
	private record Reviewed(ActionIntent intent, GuardrailVerdict verdict) {
	}

	/**
	 * Reviews the intents, each once.
	 * @return the intents whose review did not happen (their facts or their commit
	 * failed); the others are settled, or were before
	 */
	Set<IntentId> reviewAll(Collection<IntentId> ids) {
		// the intents and any verdicts stored for them (a redelivery) are read at once
		Collection<ActionIntent> found;
		Map<IntentId, GuardrailVerdict> stored;
		try (ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<Map<IntentId, GuardrailVerdict>> verdictRead = reads.submit(() -> this.store.verdicts(ids));
			found = this.intents.findAll(ids).values();
			stored = GuardrailFactReader.join(verdictRead);
		}
		List<Accepted> again = new ArrayList<>();
		List<ActionIntent> open = new ArrayList<>();
		for (ActionIntent intent : found) {
			GuardrailVerdict verdict = stored.get(intent.id());
			if (verdict != null) {
				// redelivered: the pipeline finds its executions and starts nothing twice
				if (intent.status() == IntentStatus.ACCEPTED && verdict.outcome() != Outcome.BLOCKED) {
					again.add(new Accepted(intent, verdict.scale()));
				}
			}
			else if (intent.status() == IntentStatus.PROPOSED) {
				open.add(intent);
			}
		}
		Map<IntentId, GuardrailVerdict> verdicts = this.engine.reviewAll(open);
		Set<IntentId> failed = new HashSet<>();
		List<Reviewed> reviewed = new ArrayList<>();
		for (ActionIntent intent : open) {
			GuardrailVerdict verdict = verdicts.get(intent.id());
			if (verdict != null) {
				reviewed.add(new Reviewed(intent, verdict));
			}
			else {
				failed.add(intent.id());
			}
		}
		if (reviewed.isEmpty() && again.isEmpty()) {
			return failed;
		}
		try {
			committed(() -> commit(reviewed, again));
		}
		catch (RuntimeException ex) {
			if (reviewed.size() + again.size() == 1) {
				throw ex;
			}
			log.warn("A batch of {} reviews failed to commit; committing them one by one", reviewed.size(), ex);
			for (Reviewed each : reviewed) {
				alone(() -> commit(List.of(each), List.of()), each.intent().id(), failed);
			}
			for (Accepted each : again) {
				alone(() -> commit(List.of(), List.of(each)), each.intent().id(), failed);
			}
		}
		return failed;
	}

	private void alone(Runnable commit, IntentId id, Set<IntentId> failed) {
		try {
			committed(commit);
		}
		catch (RuntimeException ex) {
			log.warn("The review of intent {} failed to commit; it is reviewed again when redelivered", id, ex);
			failed.add(id);
		}
	}

	/**
	 * Runs the writes in a transaction, again when PostgreSQL chose it as a deadlock's
	 * victim or a lock wait failed: its rollback undid everything, and a stored verdict
	 * stops any intent from being settled twice. The review's writes (verdicts, then the
	 * intents' settlement under their rule shard's lock) can meet a shard evaluation that
	 * holds that lock and reads the same intents; CI saw one such deadlock, after which
	 * the intent waited for its event's redelivery. Retrying settles it at once.
	 */
	private void committed(Runnable writes) {
		for (int attempt = 1;; attempt++) {
			try {
				this.transactions.executeWithoutResult(tx -> writes.run());
				return;
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == COMMIT_ATTEMPTS) {
					throw ex;
				}
				log.info("A review's commit lost a lock conflict (attempt {} of {}); trying again", attempt,
						COMMIT_ATTEMPTS);
			}
		}
	}

	private void commit(List<Reviewed> reviewed, List<Accepted> again) {
		this.store.commitWithoutWaiting();
		Set<IntentId> inserted = this.store
			.insertAll(reviewed.stream().map(r -> new OwnedVerdict(r.verdict(), r.intent().owner())).toList());
		List<Settlement> settlements = new ArrayList<>();
		List<ExecutionBlocked> blocked = new ArrayList<>();
		List<Accepted> accepted = new ArrayList<>(again);
		for (Reviewed each : reviewed) {
			if (!inserted.contains(each.intent().id())) {
				continue; // another node reviewed it first
			}
			ActionIntent intent = each.intent();
			GuardrailVerdict verdict = each.verdict();
			log.info("Guardrails {} intent {} of rule {}{}", verdict.outcome().name().toLowerCase(Locale.ROOT),
					intent.id(), intent.rule(), verdict.reasons().isEmpty() ? "" : ": " + verdict.summary());
			if (verdict.outcome() == Outcome.BLOCKED) {
				settlements.add(new Settlement(intent.id(), IntentStatus.BLOCKED,
						brief("blocked by the guardrails: " + verdict.summary())));
				blocked.add(new ExecutionBlocked(intent.id(), intent.owner(), verdict.reasons()));
			}
			else {
				settlements.add(new Settlement(intent.id(), IntentStatus.ACCEPTED, brief(accepted(verdict))));
				accepted.add(new Accepted(intent, verdict.scale()));
			}
		}
		this.intents.settleAll(settlements);
		blocked.forEach(this.events::publishEvent);
		this.crashHook.getIfAvailable(() -> ReviewCrashHook.NONE)
			.settled(settlements.stream().map(Settlement::id).toList());
		this.intake.startAll(accepted);
	}

	/**
	 * The rules module keeps reasons of up to 500 characters; the verdict keeps them all.
	 */
	private static String brief(String reason) {
		return (reason.length() <= MAX_REASON) ? reason : reason.substring(0, MAX_REASON - 1) + "…";
	}

	private static String accepted(GuardrailVerdict verdict) {
		String version = "guardrails v" + verdict.guardrailVersion();
		if (verdict.outcome() == Outcome.SCALED) {
			return String.format(Locale.ROOT, "passed the %s scaled to %.0f%%: %s", version, verdict.scale() * 100,
					verdict.summary());
		}
		return "passed the " + version;
	}

}
