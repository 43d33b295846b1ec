package com.yieldpilot.rules.internal.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.market.ActionFreshness;
import com.yieldpilot.market.LiveMarket;
import com.yieldpilot.market.LiveValue;
import com.yieldpilot.market.MarketTrust;
import com.yieldpilot.rules.Entitlements;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.RuleTrace;
import com.yieldpilot.rules.TraceOutcome;
import com.yieldpilot.rules.internal.engine.TermKey;
import com.yieldpilot.rules.internal.engine.Truth;
import com.yieldpilot.rules.internal.store.EngineState;
import com.yieldpilot.rules.internal.store.ShardStore;
import com.yieldpilot.rules.internal.store.TraceStore;
import com.yieldpilot.rules.lang.Action;
import com.yieldpilot.rules.lang.Deposit;
import com.yieldpilot.rules.lang.Mode;
import com.yieldpilot.rules.lang.Move;
import com.yieldpilot.rules.lang.Notify;
import com.yieldpilot.rules.lang.Withdraw;
import com.yieldpilot.rules.internal.store.IntentStore;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What happens when a rule's truth changes, for shard and scheduled evaluations alike: a
 * rule that became true proposes an intent unless its expiry, cooldown, the plan or
 * disagreeing sources stop it; the rule version's new state and the trace that says why
 * go back to the evaluation, which stores those of all its rules together. Runs inside
 * the evaluation's transaction.
 */
@Component
class RuleFirings {

	/** What a waiting scheduled run's trace adds to why it waits. */
	static final String SCHEDULED_RUN_WAITS = "; this scheduled run is tried again until that clears, "
			+ "or until the next one is due";

	private final IntentDesk desk;

	private final MarketTrust trust;

	private final LiveMarket market;

	private final Entitlements entitlements;

	RuleFirings(IntentDesk desk, MarketTrust trust, LiveMarket market, Entitlements entitlements) {
		this.desk = desk;
		this.trust = trust;
		this.market = market;
		this.entitlements = entitlements;
	}

	/** A rule that may fire in an evaluation, with its state before it acts. */
	record Candidate(LiveRule rule, RuleState state) {

	}

	/**
	 * Reads what the firings of these rules need in two queries: the trust of their
	 * actions' pools, and their owners' open intents with which of their intent keys are
	 * stored. A pool whose sources agree is still blocked while its numbers are too old
	 * to act on ({@link ActionFreshness}, from this node's live market, which the
	 * evaluation has just synced): the guardrails would block the intent for it.
	 * {@code evaluation} as for {@link #act}.
	 */
	FiringFacts facts(List<Candidate> candidates, @Nullable String evaluation) {
		Set<PoolId> pools = new LinkedHashSet<>();
		Set<UserId> owners = new LinkedHashSet<>();
		List<String> keys = new ArrayList<>();
		for (Candidate candidate : candidates) {
			pools.addAll(pools(candidate.rule().syntax().actions()));
			owners.add(candidate.rule().stored().owner());
			keys.add(IntentDesk.key(candidate.rule(), evaluationName(evaluation, candidate.state().firings + 1)));
		}
		Map<PoolId, String> found = this.trust.actionBlocks(pools);
		Map<PoolId, Optional<String>> blocks = new HashMap<>();
		pools.forEach((pool) -> blocks.put(pool, Optional.ofNullable(found.get(pool))
			.or(() -> ActionFreshness.staleness(this.market, pool).map(why -> pool + " has stale data: " + why))));
		IntentStore.FiringIntents intents = this.desk.firingIntents(owners, keys);
		return FiringFacts.of(blocks, intents.open(), intents.stored());
	}

	/**
	 * Stores the intents an evaluation's firings proposed, before their traces, which
	 * name them.
	 */
	void store(List<IntentDesk.NewIntent> newIntents) {
		this.desk.store(newIntents);
	}

	/**
	 * Acts on a rule's new truth: fires when true (unless something stops it), adds the
	 * new state to {@code newStates}, the trace of why to {@code newTraces} and its
	 * intent to {@code newIntents}, for the caller to store together ({@link #store},
	 * then {@link ShardStore#saveStates}). {@code facts} were read for the rule
	 * ({@link #facts}). {@code evaluation} names the triggering evaluation in the
	 * intent's key; null for a transition on market data, named by the rule's next firing
	 * number. Such a transition fires only when the rule moves to true from false or from
	 * never having been settled: true again after a stretch of unknown (a data outage, a
	 * restart that found the data stale) is the same truth, and repeating its actions
	 * would move the funds twice. A market transition that is blocked (disagreeing
	 * sources, stale numbers on a pool it would touch) is not settled: the rule stays
	 * {@linkplain #waiting waiting} and fires at a later evaluation once the block
	 * clears, if it is still true; a later evaluation that finds the same block stores
	 * the state and traces nothing new. A scheduled run that is blocked, or whose
	 * conditions cannot be evaluated, waits likewise: {@code state.blocked} says why
	 * afterwards, and its retry ({@link BlockedRuns}) passes that back in, so a retry
	 * that finds the same traces nothing new.
	 */
	boolean act(LiveRule rule, RuleState state, Truth truth, List<Truth> parts,
			Map<TermKey, Optional<LiveValue>> values, @Nullable String evaluation, Instant now, FiringFacts facts,
			List<TraceStore.NewTrace> newTraces, List<ShardStore.StateSave> newStates,
			List<IntentDesk.NewIntent> newIntents) {
		Truth settledBefore = state.settled;
		Truth reportedBefore = state.reported;
		String waitedBefore = state.blocked;
		String waits = null;
		state.reported = truth;
		if (truth != Truth.UNKNOWN) {
			state.settled = truth;
		}
		List<RuleTrace.ConditionResult> conditions = TraceText.conditions(rule, parts, values);
		TraceOutcome outcome;
		String reason;
		Instant firedAt = null;
		IntentId intent = null;
		boolean repeated = false;
		if (truth == Truth.TRUE && evaluation == null && settledBefore == Truth.TRUE) {
			outcome = TraceOutcome.STILL_MET;
			reason = "still met: the conditions held before values went missing or stale, so the rule does not fire "
					+ "again; it fires when they become true after being false";
		}
		else if (truth == Truth.TRUE) {
			Optional<Stop> stop = stop(rule, state, now, facts);
			if (stop.isPresent() && evaluation == null && stop.get().outcome() == TraceOutcome.BLOCKED) {
				outcome = TraceOutcome.BLOCKED;
				reason = stop.get().reason() + "; it fires when that clears, if its conditions still hold";
				// the transition waits for the block to clear instead of being used up
				state.settled = settledBefore;
				waits = reason;
				repeated = reportedBefore == Truth.TRUE && reason.equals(waitedBefore);
			}
			else if (stop.isPresent() && stop.get().outcome() == TraceOutcome.BLOCKED) {
				// a scheduled run: BlockedRuns tries it again until the block clears
				outcome = TraceOutcome.BLOCKED;
				reason = stop.get().reason() + SCHEDULED_RUN_WAITS;
				waits = reason;
				repeated = reason.equals(waitedBefore);
			}
			else if (stop.isPresent()) {
				outcome = stop.get().outcome();
				reason = stop.get().reason();
			}
			else {
				state.firings++;
				IntentDesk.Proposal proposal = this.desk.propose(rule, evaluationName(evaluation, state.firings), now,
						facts, newIntents);
				outcome = proposal.outcome();
				reason = "all conditions hold: " + proposal.reason();
				intent = proposal.intent();
				firedAt = now;
				if (rule.syntax().options().cooldown() != null) {
					state.cooldownUntil = now.plus(rule.syntax().options().cooldown());
				}
			}
		}
		else if (truth == Truth.FALSE) {
			outcome = TraceOutcome.NOT_MET;
			reason = "not met: " + TraceText.falseParts(conditions);
		}
		else {
			outcome = TraceOutcome.UNKNOWN;
			reason = "not evaluated: " + TraceText.unknownTerms(conditions);
			if (evaluation != null) {
				// a scheduled run waits for the data as it waits for a block
				reason += SCHEDULED_RUN_WAITS;
				waits = reason;
				repeated = reason.equals(waitedBefore);
			}
		}
		state.blocked = waits;
		newStates.add(state(rule, state, firedAt));
		if (!repeated) {
			newTraces.add(new TraceStore.NewTrace(rule.stored().id(), rule.stored().owner(), rule.stored().version(),
					now, outcome, reason, conditions, intent));
		}
		return intent != null;
	}

	/**
	 * Whether the rule is true on the market but has not acted on it: its firing was
	 * blocked and waits for the block to clear. Such a rule is acted on again at each
	 * evaluation of its shard, though its truth did not change.
	 */
	static boolean waiting(LiveRule rule, RuleState state) {
		return rule.onMarketUpdates() && state.reported == Truth.TRUE && state.settled != Truth.TRUE;
	}

	/** Why a rule that became true does not fire. */
	private record Stop(TraceOutcome outcome, String reason) {

	}

	/** Why a rule that became true does not fire now, if something stops it. */
	private Optional<Stop> stop(LiveRule rule, RuleState state, Instant now, FiringFacts facts) {
		var options = rule.syntax().options();
		if (options.expires() != null && !now.isBefore(options.expires())) {
			return Optional.of(new Stop(TraceOutcome.EXPIRED, "the rule expired at " + options.expires()));
		}
		if (state.cooldownUntil != null && now.isBefore(state.cooldownUntil)) {
			return Optional.of(new Stop(TraceOutcome.COOLDOWN, "in cooldown until " + state.cooldownUntil));
		}
		if (options.effectiveMode() == Mode.LIVE
				&& !this.entitlements.limits(rule.stored().owner()).liveModeAllowed()) {
			return Optional.of(new Stop(TraceOutcome.PLAN_LIMIT,
					"your plan does not allow live mode; switch the rule to mode paper or upgrade"));
		}
		for (PoolId pool : pools(rule.syntax().actions())) {
			Optional<String> block = facts.block(pool);
			if (block.isPresent()) {
				return Optional.of(new Stop(TraceOutcome.BLOCKED, "blocked: " + block.get()));
			}
		}
		return Optional.empty();
	}

	/**
	 * The evaluation's name in an intent's key: the given one, or the firing's number.
	 */
	private static String evaluationName(@Nullable String evaluation, long firing) {
		return (evaluation != null) ? evaluation : "f" + firing;
	}

	/** The rule's state to store, {@code firedAt} when it fired now. */
	static ShardStore.StateSave state(LiveRule rule, RuleState state, @Nullable Instant firedAt) {
		return new ShardStore.StateSave(rule.stored().id(), rule.stored().version(), new EngineState(state.reported,
				state.settled, state.held, state.firings, state.cooldownUntil, firedAt));
	}

	/** The pools the actions touch, in order, with repeats. */
	static List<PoolId> pools(List<Action> actions) {
		List<PoolId> pools = new ArrayList<>();
		for (Action action : actions) {
			switch (action) {
				case Move move -> {
					pools.add(move.from());
					pools.add(move.to());
				}
				case Withdraw withdraw -> pools.add(withdraw.from());
				case Deposit deposit -> pools.add(deposit.into());
				case Notify notify -> {
				}
			}
		}
		return pools;
	}

}
