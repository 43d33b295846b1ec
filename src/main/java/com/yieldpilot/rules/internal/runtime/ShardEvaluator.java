package com.yieldpilot.rules.internal.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import com.yieldpilot.market.LiveValue;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.internal.engine.EngineShard;
import com.yieldpilot.rules.internal.engine.NetworkRules;
import com.yieldpilot.rules.internal.engine.Reading;
import com.yieldpilot.rules.internal.engine.RuleChange;
import com.yieldpilot.rules.internal.engine.TermKey;
import com.yieldpilot.rules.internal.engine.Truth;
import com.yieldpilot.rules.internal.store.ShardStore;
import com.yieldpilot.rules.internal.store.StoredRule;
import com.yieldpilot.rules.internal.store.TraceStore;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates one shard on this node: in one transaction holding the shard's lock, it
 * installs the rules that changed since this node last looked (with their stored state),
 * feeds the engine the market's current values, and acts on every rule whose truth
 * changed: a rule that became true proposes an intent (unless cooldown, expiry, plan,
 * disagreeing sources or stale data stop it; a firing blocked by the data waits, and is
 * acted on again at each evaluation until it goes ahead or the rule stops holding), and
 * every change is stored (truth, held parts, firings) and traced. What the firings read
 * (pool trust, open intents, stored keys) is read before the first acts, and their
 * intents are stored after the last, one statement each (decision 0019). Whichever node
 * runs a shard next resumes from the stored state.
 */
@Service
public class ShardEvaluator implements ShardEvaluation {

	private static final int PAGE = 5_000;

	private final ShardStore store;

	private final TraceStore traces;

	private final RuleFirings firings;

	private final MarketReadings market;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final NetworkRules network;

	private final Map<Integer, Shard> shards = new ConcurrentHashMap<>();

	ShardEvaluator(ShardStore store, TraceStore traces, RuleFirings firings, MarketReadings market,
			TransactionTemplate transactions, Clock clock, NetworkRules network) {
		this.store = store;
		this.traces = traces;
		this.firings = firings;
		this.market = market;
		this.transactions = transactions;
		this.clock = clock;
		this.network = network;
	}

	/** What one evaluation did. */
	public record Tick(int rules, int changed, int fired) {

	}

	/** Evaluates the shard now; one evaluation per shard at a time on this node. */
	@Override
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
	 * Whether the market update wrote a value the shard's rules read, as of the shard's
	 * last evaluation on this node; a shard not built here yet is concerned by
	 * everything. An update that comes while the shard is being evaluated is run again
	 * anyway ({@link ShardRunner}), so a rule installed by that evaluation misses
	 * nothing.
	 */
	@Override
	public boolean concerns(int shardNumber, WatchedTerms.Change change) {
		Shard shard = this.shards.get(shardNumber);
		return shard == null || shard.watched.concerns(change);
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
		// why it does not fire yet
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

		// in the order the changes came, which the priority sort below keeps for ties
		Set<Long> changed = new LinkedHashSet<>();
		before.forEach((key, truth) -> {
			if (shard.live.containsKey(key) && (shard.engine.truth(key) != truth || first.contains(key))) {
				changed.add(key);
			}
		});
		// rules whose firing waits for a block to clear are acted on again
		Set<Long> acting = new LinkedHashSet<>(changed);
		acting.addAll(shard.waiting);
		List<Long> ordered = acting.stream()
			.sorted(Comparator.comparing((Long key) -> priority(shard.live.get(key))).reversed())
			.toList();
		int fired = 0;
		FiringFacts facts = this.firings.facts(ordered.stream()
			.filter(key -> shard.engine.truth(key) == Truth.TRUE)
			.map(key -> new RuleFirings.Candidate(shard.live.get(key), shard.states.get(key)))
			.toList(), null);
		List<TraceStore.NewTrace> newTraces = new ArrayList<>();
		// the changed rules' states and intents are stored together, after all acted
		List<ShardStore.StateSave> newStates = new ArrayList<>();
		List<IntentDesk.NewIntent> newIntents = new ArrayList<>();
		for (Long key : ordered) {
			if (act(shard, key, values, now, facts, newTraces, newStates, newIntents)) {
				fired++;
			}
		}
		this.firings.store(newIntents);
		// held parts that started or stopped without changing the rule's truth
		for (Map.Entry<Long, LiveRule> entry : shard.live.entrySet()) {
			long key = entry.getKey();
			if (!acting.contains(key) && shard.engine.hasHeldParts(key)) {
				RuleState state = shard.states.get(key);
				Map<Integer, Instant> held = shard.engine.heldSince(key);
				if (!held.equals(state.held)) {
					state.held = held;
					newStates.add(RuleFirings.state(entry.getValue(), state, null));
				}
			}
		}
		this.store.saveStates(newStates, now);
		this.traces.append(newTraces);
		shard.watched = WatchedTerms.of(shard.engine.terms(), shard.waitingPools());
		// every change of the shard is this transaction's or was read above
		shard.cursor = Math.max(shard.cursor, this.store.shardEvaluated(shardNumber, now));
		return new Tick(shard.live.size(), changed.size(), fired);
	}

	/** Acts on a rule whose truth changed; true when it proposed an intent. */
	private boolean act(Shard shard, long key, Map<TermKey, Optional<LiveValue>> values, Instant now, FiringFacts facts,
			List<TraceStore.NewTrace> newTraces, List<ShardStore.StateSave> newStates,
			List<IntentDesk.NewIntent> newIntents) {
		RuleState state = shard.states.get(key);
		state.held = shard.engine.heldSince(key);
		LiveRule rule = shard.live.get(key);
		boolean proposed = this.firings.act(rule, state, shard.engine.truth(key), shard.engine.partTruths(key), values,
				null, now, facts, newTraces, newStates, newIntents);
		shard.updateWaiting(key, rule, state);
		return proposed;
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

	/** One shard's engine on this node and how far it has read the stored rules. */
	static final class Shard {

		final EngineShard engine;

		final ReentrantLock lock = new ReentrantLock();

		final Map<Long, LiveRule> live = new HashMap<>();

		final Map<Long, RuleState> states = new HashMap<>();

		long cursor;

		/**
		 * Rules whose firing waits for a block to clear ({@link RuleFirings#waiting}).
		 */
		final Set<Long> waiting = new HashSet<>();

		/**
		 * What its rules read, and the pools the waiting rules would touch, as of its
		 * last evaluation: all until the first.
		 */
		volatile WatchedTerms watched = WatchedTerms.ALL;

		Shard(EngineShard engine) {
			this.engine = engine;
		}

		/** Installs a stored rule as stored, replacing what this node had of it. */
		List<RuleChange> apply(StoredRule stored, java.util.function.Function<TermKey, Reading> current) {
			long key = stored.engineKey();
			this.engine.uninstall(key);
			this.live.remove(key);
			this.states.remove(key);
			this.waiting.remove(key);
			if (!stored.enabled()) {
				return List.of();
			}
			LiveRule rule = LiveRule.of(stored);
			if (!rule.onMarketUpdates()) {
				return List.of();
			}
			RuleState state = new RuleState(stored);
			this.live.put(key, rule);
			this.states.put(key, state);
			List<RuleChange> changes = this.engine.install(key, rule.condition(), current, stored.reported(),
					stored.held());
			updateWaiting(key, rule, state);
			return changes;
		}

		/** Keeps the rule among the waiting ones while its firing waits. */
		void updateWaiting(long key, LiveRule rule, RuleState state) {
			if (RuleFirings.waiting(rule, state)) {
				this.waiting.add(key);
			}
			else {
				this.waiting.remove(key);
			}
		}

		/** The pools the waiting rules' actions would touch. */
		Set<PoolId> waitingPools() {
			Set<PoolId> pools = new HashSet<>();
			for (long key : this.waiting) {
				pools.addAll(RuleFirings.pools(this.live.get(key).syntax().actions()));
			}
			return pools;
		}

	}

}
