package com.yieldpilot.rules.internal.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import com.yieldpilot.market.LiveValue;
import com.yieldpilot.market.MarketTrust;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.Entitlements;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.RuleTrace;
import com.yieldpilot.rules.TraceOutcome;
import com.yieldpilot.rules.internal.engine.EngineShard;
import com.yieldpilot.rules.internal.engine.NetworkRules;
import com.yieldpilot.rules.internal.engine.Reading;
import com.yieldpilot.rules.internal.engine.RuleChange;
import com.yieldpilot.rules.internal.engine.TermKey;
import com.yieldpilot.rules.internal.engine.Truth;
import com.yieldpilot.rules.internal.store.EngineState;
import com.yieldpilot.rules.internal.store.RuleStore;
import com.yieldpilot.rules.internal.store.StoredRule;
import com.yieldpilot.rules.internal.store.TraceStore;
import com.yieldpilot.rules.lang.Action;
import com.yieldpilot.rules.lang.Deposit;
import com.yieldpilot.rules.lang.Mode;
import com.yieldpilot.rules.lang.Move;
import com.yieldpilot.rules.lang.Notify;
import com.yieldpilot.rules.lang.Withdraw;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates one shard on this node: in one transaction holding the shard's lock, it
 * installs the rules that changed since this node last looked (with their stored state),
 * feeds the engine the market's current values, and acts on every rule whose truth
 * changed: a rule that became true proposes an intent (unless cooldown, expiry, plan or
 * disagreeing sources stop it), and every change is stored (truth, held parts, firings)
 * and traced. Whichever node runs a shard next resumes from the stored state.
 */
@Service
public class ShardEvaluator {

	private static final int PAGE = 5_000;

	private final RuleStore store;

	private final TraceStore traces;

	private final IntentDesk desk;

	private final MarketReadings market;

	private final MarketTrust trust;

	private final Entitlements entitlements;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final NetworkRules network = NetworkRules.load();

	private final Map<Integer, Shard> shards = new ConcurrentHashMap<>();

	ShardEvaluator(RuleStore store, TraceStore traces, IntentDesk desk, MarketReadings market, MarketTrust trust,
			Entitlements entitlements, TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.traces = traces;
		this.desk = desk;
		this.market = market;
		this.trust = trust;
		this.entitlements = entitlements;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What one evaluation did. */
	public record Tick(int rules, int changed, int fired) {

	}

	/** Evaluates the shard now; one evaluation per shard at a time on this node. */
	public Tick evaluate(int shardNumber) {
		while (true) {
			Shard shard = this.shards.computeIfAbsent(shardNumber, n -> new Shard(this.network.newShard(this.clock)));
			shard.lock.lock();
			try {
				if (this.shards.get(shardNumber) != shard) {
					// dropped while this thread waited for it: take the new one
					continue;
				}
				this.market.sync();
				return this.transactions.execute(status -> evaluate(shardNumber, shard));
			}
			catch (RuntimeException ex) {
				// the transaction rolled back: this node's engine may be ahead of the
				// database, so it is rebuilt from the stored state next time
				if (this.shards.remove(shardNumber, shard)) {
					shard.engine.close();
				}
				throw ex;
			}
			finally {
				shard.lock.unlock();
			}
		}
	}

	/**
	 * Evaluates a time-triggered rule at one of its scheduled times: its conditions (if
	 * any) against the current market, firing when they hold. The intent's key names the
	 * scheduled time, so a fire recovered on another node proposes nothing twice.
	 * @return whether it proposed an intent
	 */
	public boolean evaluateScheduled(RuleId id, Instant scheduledAt) {
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
			Instant now = this.clock.instant();
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
			RuleState state = new RuleState(stored);
			boolean proposed = act(rule, state, truth, parts, values, "at" + scheduledAt.getEpochSecond(), now,
					newTraces);
			this.traces.append(newTraces);
			return proposed;
		});
		return Boolean.TRUE.equals(fired);
	}

	/**
	 * Drops this node's engines, as a restart does: each shard is rebuilt from the
	 * database at its next evaluation.
	 */
	public void forgetEngines() {
		for (Integer number : List.copyOf(this.shards.keySet())) {
			Shard shard = this.shards.get(number);
			shard.lock.lock();
			try {
				this.shards.remove(number);
				shard.engine.close();
			}
			finally {
				shard.lock.unlock();
			}
		}
	}

	private Tick evaluate(int shardNumber, Shard shard) {
		this.store.lockShard(shardNumber);
		Instant now = this.clock.instant();
		Map<Long, Truth> before = new LinkedHashMap<>();
		// a version's first evaluation is traced whatever its truth, so a new rule says
		// why
		// it does not fire yet
		Set<Long> first = new HashSet<>();
		List<StoredRule> page;
		do {
			page = this.store.changedAfter(shardNumber, shard.cursor, PAGE);
			for (StoredRule stored : page) {
				if (!stored.evaluated()) {
					first.add(stored.engineKey());
					before.putIfAbsent(stored.engineKey(), stored.reported());
				}
				record(before, shard.apply(stored, this::reading));
				shard.cursor = stored.changeSeq();
			}
		}
		while (page.size() == PAGE);

		Map<TermKey, Optional<LiveValue>> values = new HashMap<>();
		Map<TermKey, Reading> readings = new HashMap<>();
		for (TermKey key : shard.engine.terms()) {
			Optional<LiveValue> value = this.market.value(key);
			values.put(key, value);
			readings.put(key, MarketReadings.reading(value));
		}
		record(before, shard.engine.update(readings));
		record(before, shard.engine.advance());

		List<Long> changed = before.entrySet()
			.stream()
			.filter(e -> shard.live.containsKey(e.getKey())
					&& (shard.engine.truth(e.getKey()) != e.getValue() || first.contains(e.getKey())))
			.map(Map.Entry::getKey)
			.sorted(Comparator.comparing((Long key) -> priority(shard.live.get(key))).reversed())
			.toList();
		int fired = 0;
		List<TraceStore.NewTrace> newTraces = new ArrayList<>();
		for (Long key : changed) {
			if (act(shard, key, values, now, newTraces)) {
				fired++;
			}
		}
		// held parts that started or stopped without changing the rule's truth
		for (Map.Entry<Long, LiveRule> entry : shard.live.entrySet()) {
			long key = entry.getKey();
			if (!changed.contains(key) && shard.engine.hasHeldParts(key)) {
				RuleState state = shard.states.get(key);
				Map<Integer, Instant> held = shard.engine.heldSince(key);
				if (!held.equals(state.held)) {
					state.held = held;
					save(entry.getValue(), state, null, now);
				}
			}
		}
		this.traces.append(newTraces);
		this.store.shardEvaluated(shardNumber, now);
		// every change of the shard is this transaction's or was read above
		shard.cursor = Math.max(shard.cursor, this.store.lastChange(shardNumber));
		return new Tick(shard.live.size(), changed.size(), fired);
	}

	/** Acts on a rule whose truth changed; true when it proposed an intent. */
	private boolean act(Shard shard, long key, Map<TermKey, Optional<LiveValue>> values, Instant now,
			List<TraceStore.NewTrace> newTraces) {
		RuleState state = shard.states.get(key);
		state.held = shard.engine.heldSince(key);
		return act(shard.live.get(key), state, shard.engine.truth(key), shard.engine.partTruths(key), values, null, now,
				newTraces);
	}

	/**
	 * Acts on a rule's new truth: fires when true (unless something stops it), stores the
	 * state and traces why. {@code evaluation} names the triggering evaluation in the
	 * intent's key; null for the rule's next firing number.
	 */
	private boolean act(LiveRule rule, RuleState state, Truth truth, List<Truth> parts,
			Map<TermKey, Optional<LiveValue>> values, @Nullable String evaluation, Instant now,
			List<TraceStore.NewTrace> newTraces) {
		state.reported = truth;
		List<RuleTrace.ConditionResult> conditions = TraceText.conditions(rule, parts, values);
		TraceOutcome outcome;
		String reason;
		Instant firedAt = null;
		com.yieldpilot.rules.IntentId intent = null;
		if (truth == Truth.TRUE) {
			Optional<Stop> stop = stop(rule, state, now);
			if (stop.isPresent()) {
				outcome = stop.get().outcome();
				reason = stop.get().reason();
			}
			else {
				state.firings++;
				IntentDesk.Proposal proposal = this.desk.propose(rule,
						(evaluation != null) ? evaluation : "f" + state.firings, now);
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
		}
		save(rule, state, firedAt, now);
		newTraces.add(new TraceStore.NewTrace(rule.stored().id(), rule.stored().owner(), rule.stored().version(), now,
				outcome, reason, conditions, intent));
		return intent != null;
	}

	/** Why a rule that became true does not fire. */
	private record Stop(TraceOutcome outcome, String reason) {

	}

	/** Why a rule that became true does not fire now, if something stops it. */
	private Optional<Stop> stop(LiveRule rule, RuleState state, Instant now) {
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
			Optional<String> block = this.trust.actionBlock(pool);
			if (block.isPresent()) {
				return Optional.of(new Stop(TraceOutcome.BLOCKED, "blocked: " + block.get()));
			}
		}
		return Optional.empty();
	}

	private void save(LiveRule rule, RuleState state, @Nullable Instant firedAt, Instant now) {
		this.store.saveState(rule.stored().id(), rule.stored().version(),
				new EngineState(state.reported, state.held, state.firings, state.cooldownUntil, firedAt), now);
	}

	private Reading reading(TermKey key) {
		return MarketReadings.reading(this.market.value(key));
	}

	private static void record(Map<Long, Truth> before, List<RuleChange> changes) {
		for (RuleChange change : changes) {
			before.putIfAbsent(change.rule(), change.before());
		}
	}

	private static int priority(@Nullable LiveRule rule) {
		Integer priority = (rule != null) ? rule.syntax().options().priority() : null;
		return (priority != null) ? priority : ActionIntent.DEFAULT_PRIORITY;
	}

	private static List<PoolId> pools(List<Action> actions) {
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

	/** What the engine stores per rule, kept in step with the database. */
	static final class RuleState {

		Truth reported;

		Map<Integer, Instant> held;

		long firings;

		@Nullable Instant cooldownUntil;

		RuleState(StoredRule stored) {
			this.reported = stored.reported();
			this.held = stored.held();
			this.firings = stored.firings();
			this.cooldownUntil = stored.cooldownUntil();
		}

	}

	/** One shard's engine on this node and how far it has read the stored rules. */
	static final class Shard {

		final EngineShard engine;

		final ReentrantLock lock = new ReentrantLock();

		final Map<Long, LiveRule> live = new HashMap<>();

		final Map<Long, RuleState> states = new HashMap<>();

		long cursor;

		Shard(EngineShard engine) {
			this.engine = engine;
		}

		/** Installs a stored rule as stored, replacing what this node had of it. */
		List<RuleChange> apply(StoredRule stored, java.util.function.Function<TermKey, Reading> current) {
			long key = stored.engineKey();
			this.engine.uninstall(key);
			this.live.remove(key);
			this.states.remove(key);
			if (!stored.enabled()) {
				return List.of();
			}
			LiveRule rule = LiveRule.of(stored);
			if (!rule.onMarketUpdates()) {
				return List.of();
			}
			this.live.put(key, rule);
			this.states.put(key, new RuleState(stored));
			return this.engine.install(key, rule.condition(), current, stored.reported(), stored.held());
		}

	}

}
