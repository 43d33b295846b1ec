package com.yieldpilot.rules.internal.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.market.LiveValue;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.TraceOutcome;
import com.yieldpilot.rules.internal.engine.EngineShard;
import com.yieldpilot.rules.internal.engine.NetworkRules;
import com.yieldpilot.rules.internal.engine.TermKey;
import com.yieldpilot.rules.internal.engine.Truth;
import com.yieldpilot.rules.internal.store.ShardStore;
import com.yieldpilot.rules.internal.store.StoredRule;
import com.yieldpilot.rules.internal.store.TraceStore;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs time-triggered rules at their scheduled times, one rule at a time under its
 * shard's lock, in an engine of its own that lives for one run (a scheduled rule is not
 * part of its shard's engine): its conditions against the current market, its firing
 * through the same {@link RuleFirings} as the shard's, and the retry of a run that its
 * data holds up ({@link BlockedRuns}).
 */
@Service
public class ScheduledRuns {

	private final ShardStore store;

	private final TraceStore traces;

	private final RuleFirings firings;

	private final MarketReadings market;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final NetworkRules network;

	private final BlockedRuns blockedRuns;

	ScheduledRuns(ShardStore store, TraceStore traces, RuleFirings firings, MarketReadings market,
			TransactionTemplate transactions, Clock clock, NetworkRules network, BlockedRuns blockedRuns) {
		this.store = store;
		this.traces = traces;
		this.firings = firings;
		this.market = market;
		this.transactions = transactions;
		this.clock = clock;
		this.network = network;
		this.blockedRuns = blockedRuns;
	}

	/**
	 * Evaluates a time-triggered rule at one of its scheduled times: its conditions (if
	 * any) against the current market, firing when they hold. The intent's key names the
	 * scheduled time, so a fire recovered on another node proposes nothing twice. A run
	 * that the data holds up (a pool it would touch has stale or disagreeing numbers, or
	 * its conditions cannot be evaluated) waits: {@link BlockedRuns} tries it again until
	 * it goes ahead or its rule's next scheduled run is due, which then takes its place.
	 * @return whether it proposed an intent
	 */
	public boolean evaluateScheduled(RuleId id, Instant scheduledAt) {
		return evaluateScheduled(id, scheduledAt, null);
	}

	/**
	 * {@link #evaluateScheduled(RuleId, Instant)}, or the retry of a run that waits when
	 * {@code retry} is given.
	 */
	boolean evaluateScheduled(RuleId id, Instant scheduledAt, BlockedRuns.@Nullable Pending retry) {
		this.market.sync();
		Boolean fired = this.transactions.execute(status -> {
			Optional<StoredRule> found = this.store.stored(id);
			if (found.isEmpty()) {
				return false;
			}
			this.store.lockShard(found.get().shard());
			StoredRule stored = this.store.stored(id).orElseThrow();
			LiveRule rule = LiveRule.of(stored);
			if (!stored.enabled() || rule.syntax().schedule() == null) {
				return false;
			}
			if (retry != null && retry.version() != stored.version()) {
				// the farmer changed the rule since: its new version runs at its
				// own times
				return false;
			}
			Optional<BlockedRuns.Pending> pending = this.blockedRuns.pending(id);
			if (retry != null && !pending.map(p -> p.scheduledAt().equals(retry.scheduledAt())).orElse(false)) {
				// a later run took its place while this retry waited for the shard
				return false;
			}
			Instant now = this.clock.instant();
			Optional<BlockedRuns.Pending> earlier = (retry != null) ? Optional.of(retry)
					: pending.filter(p -> p.scheduledAt().isBefore(scheduledAt));
			if (earlier.isPresent()) {
				Instant next = BlockedRuns.next(rule.syntax().schedule(), earlier.get().scheduledAt());
				if (!now.isBefore(next) && earlier.get().version() == stored.version()) {
					this.traces.append(List.of(superseded(stored, earlier.get(), next, now)));
					if (retry != null) {
						return false;
					}
				}
			}
			Truth truth = Truth.TRUE;
			List<Truth> parts = List.of();
			Map<TermKey, Optional<LiveValue>> values = new HashMap<>();
			if (rule.condition() != null) {
				try (EngineShard once = this.network.newShard(this.clock)) {
					once.install(stored.engineKey(), rule.condition(), key -> {
						Optional<LiveValue> value = this.market.value(key);
						values.put(key, value);
						return MarketReadings.reading(value);
					}, Truth.UNKNOWN, stored.held());
					truth = once.truth(stored.engineKey());
					parts = once.partTruths(stored.engineKey());
				}
			}
			List<TraceStore.NewTrace> newTraces = new ArrayList<>();
			List<ShardStore.StateSave> newStates = new ArrayList<>();
			List<IntentDesk.NewIntent> newIntents = new ArrayList<>();
			RuleState state = new RuleState(stored);
			state.blocked = (retry != null) ? retry.waits() : null;
			String evaluation = "at" + scheduledAt.getEpochSecond();
			FiringFacts facts = this.firings
				.facts((truth == Truth.TRUE) ? List.of(new RuleFirings.Candidate(rule, state)) : List.of(), evaluation);
			boolean proposed = this.firings.act(rule, state, truth, parts, values, evaluation, now, facts, newTraces,
					newStates, newIntents);
			this.firings.store(newIntents);
			this.store.saveStates(newStates, now);
			this.traces.append(newTraces);
			if (state.blocked != null) {
				this.blockedRuns.retryLater(id, new BlockedRuns.Pending(scheduledAt, stored.version(), state.blocked),
						now);
			}
			else if (earlier.isPresent() && retry == null) {
				// this run took the place of the earlier one
				this.blockedRuns.cancel(id);
			}
			return proposed;
		});
		return Boolean.TRUE.equals(fired);
	}

	/**
	 * The trace of a run that waited until its rule's next scheduled time: the next run
	 * takes its place.
	 */
	private static TraceStore.NewTrace superseded(StoredRule stored, BlockedRuns.Pending run, Instant next,
			Instant now) {
		return new TraceStore.NewTrace(stored.id(), stored.owner(), stored.version(), now, TraceOutcome.BLOCKED,
				"the run of " + TraceText.time(run.scheduledAt()) + " did not happen: it still waited when the next "
						+ "scheduled run was due, at " + TraceText.time(next) + " (it waited because "
						+ TraceText.withoutRetry(run.waits()) + ")",
				List.of(), null);
	}

}
