package com.yieldpilot.rules.internal.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.IntentProposed;
import com.yieldpilot.rules.IntentStatus;
import com.yieldpilot.rules.RuleIntents;
import com.yieldpilot.rules.RuleTrace;
import com.yieldpilot.rules.TraceOutcome;
import com.yieldpilot.rules.internal.RuntimeProperties;
import com.yieldpilot.rules.internal.store.IntentStore;
import com.yieldpilot.rules.internal.store.IntentStore.StoredIntent;
import com.yieldpilot.rules.internal.store.ShardStore;
import com.yieldpilot.rules.internal.store.TraceStore;
import com.yieldpilot.rules.lang.Action;
import com.yieldpilot.rules.lang.Deposit;
import com.yieldpilot.rules.lang.Move;
import com.yieldpilot.rules.lang.Notify;
import com.yieldpilot.rules.lang.Withdraw;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns firings into intents and moves them on. One farmer's intents that touch the same
 * funds go one at a time: an intent waits while another one on those funds is under way,
 * and when that one finishes, the waiting intent with the highest priority (then the
 * oldest) goes next. Every step is traced for the farmer. All changes of a farmer's
 * intents hold the farmer's shard lock, so a firing and a settlement never decide against
 * each other.
 */
@Service
public class IntentDesk implements RuleIntents {

	/** The funds key of a deposit: the vault's idle balance. */
	static final String IDLE = "idle";

	private final IntentStore intents;

	private final ShardStore shards;

	private final IntentViews views;

	private final TraceStore traces;

	private final RuntimeProperties runtime;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	IntentDesk(IntentStore intents, ShardStore shards, IntentViews views, TraceStore traces, RuntimeProperties runtime,
			ApplicationEventPublisher events, Clock clock) {
		this.intents = intents;
		this.shards = shards;
		this.views = views;
		this.traces = traces;
		this.runtime = runtime;
		this.events = events;
		this.clock = clock;
	}

	/** What became of a firing. */
	record Proposal(@Nullable IntentId intent, TraceOutcome outcome, String reason) {

	}

	/** An intent an evaluation proposed, stored with the others by {@link #store}. */
	record NewIntent(StoredIntent intent, List<Action> actions) {

	}

	/** The idempotency key of a rule version's firing in the named evaluation. */
	static String key(LiveRule rule, String evaluation) {
		return rule.stored().id() + ":" + rule.stored().version() + ":" + evaluation;
	}

	/**
	 * The open intents of these owners and which of these intent keys are stored, for
	 * {@link FiringFacts}, in one query.
	 */
	IntentStore.FiringIntents firingIntents(Collection<UserId> owners, Collection<String> keys) {
		return this.intents.firingIntents(owners, keys);
	}

	/**
	 * Decides a firing's intent, proposed or waiting, against the facts read before the
	 * evaluation's firings (which it joins), and adds it to {@code newIntents} for
	 * {@link #store}; a firing whose key is already stored is ignored. The caller holds
	 * the owner's shard lock, so no other transaction stores an intent of the owner's
	 * meanwhile.
	 */
	Proposal propose(LiveRule rule, String evaluation, Instant now, FiringFacts facts, List<NewIntent> newIntents) {
		var stored = rule.stored();
		var options = rule.syntax().options();
		String key = key(rule, evaluation);
		if (facts.stored(key)) {
			return new Proposal(null, TraceOutcome.FIRED, "already proposed by an earlier run of this evaluation");
		}
		Set<String> funds = funds(rule.syntax().actions());
		int priority = (options.priority() != null) ? options.priority() : ActionIntent.DEFAULT_PRIORITY;
		Optional<StoredIntent> blocker = facts.open(stored.owner())
			.stream()
			.filter(open -> open.status() != IntentStatus.WAITING && overlaps(open.funds(), funds))
			.findFirst();
		IntentStatus status = blocker.isPresent() ? IntentStatus.WAITING : IntentStatus.PROPOSED;
		String reason = blocker
			.map(b -> "waits for the intent of \"" + b.ruleName() + "\" (priority " + b.priority()
					+ "), which moves the same funds (" + String.join(", ", common(b.funds(), funds)) + ")")
			.orElse("proposed: " + describe(rule.syntax().actions()));
		StoredIntent intent = new StoredIntent(IntentId.random(), stored.owner(), stored.id(), stored.version(),
				rule.syntax().name(), key, options.effectiveMode(), options.approvalRequired(), priority,
				options.maxGasGwei(), funds, now, status, reason);
		facts.proposed(intent);
		newIntents.add(new NewIntent(intent, rule.syntax().actions()));
		return new Proposal(intent.id(), (status == IntentStatus.PROPOSED) ? TraceOutcome.FIRED : TraceOutcome.WAITING,
				reason);
	}

	/**
	 * Stores an evaluation's new intents in one statement and announces the proposed ones
	 * in the order they were proposed, inside the evaluation's transaction (the event
	 * registry stores its publications with it). Their keys were checked against the
	 * stored ones under the shard lock, so an intent the statement skips is a bug.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void store(List<NewIntent> newIntents) {
		Set<IntentId> inserted = this.intents.insertAll(newIntents.stream().map(NewIntent::intent).toList());
		for (NewIntent added : newIntents) {
			StoredIntent intent = added.intent();
			if (!inserted.contains(intent.id())) {
				throw new IllegalStateException("Intent key " + intent.idempotencyKey()
						+ " was stored by another transaction while the shard was locked");
			}
			// the review reads the intent back at once and finds its actions here
			this.views.remember(intent, added.actions());
			if (intent.status() == IntentStatus.PROPOSED) {
				this.events.publishEvent(new IntentProposed(IntentViews.view(intent, added.actions())));
			}
		}
	}

	@Override
	public Optional<ActionIntent> find(IntentId id) {
		return this.intents.find(id).map(this::view);
	}

	@Override
	public Map<IntentId, ActionIntent> findAll(Collection<IntentId> ids) {
		List<StoredIntent> stored = this.intents.findAll(Set.copyOf(ids));
		this.views.cacheVersions(stored);
		Map<IntentId, ActionIntent> found = new HashMap<>();
		stored.forEach((intent) -> found.put(intent.id(), view(intent)));
		return found;
	}

	@Override
	public List<ActionIntent> recent(int limit) {
		return this.intents.recent(Math.clamp(limit, 1, 1000)).stream().map(this::view).toList();
	}

	@Override
	@Transactional
	public ActionIntent settle(IntentId id, IntentStatus status, String reason) {
		StoredIntent current = this.intents.find(id).orElseThrow(() -> new NoSuchElementException("No intent " + id));
		this.shards.lockShard(this.runtime.shardOf(current.owner()));
		current = this.intents.lock(id).orElseThrow();
		if (current.status() == status) {
			return view(current);
		}
		if (current.status().terminal()) {
			throw new IllegalStateException(
					"Intent " + id + " is already " + current.status() + "; it cannot become " + status);
		}
		if (status == IntentStatus.PROPOSED || status == IntentStatus.WAITING) {
			throw new IllegalArgumentException("Only the rules module proposes or parks intents, not " + status);
		}
		Instant now = this.clock.instant();
		this.intents.setStatus(id, status, reason, now);
		trace(current, outcome(status), reason, now);
		if (status.terminal()) {
			release(current.owner(), now);
		}
		return view(this.intents.find(id).orElseThrow());
	}

	@Override
	@Transactional
	public List<ActionIntent> settleAll(List<Settlement> settlements) {
		Map<IntentId, Settlement> wanted = new LinkedHashMap<>();
		for (Settlement settlement : settlements) {
			if (settlement.status() == IntentStatus.PROPOSED || settlement.status() == IntentStatus.WAITING) {
				throw new IllegalArgumentException(
						"Only the rules module proposes or parks intents, not " + settlement.status());
			}
			if (wanted.put(settlement.id(), settlement) != null) {
				throw new IllegalArgumentException("Intent " + settlement.id() + " is settled twice in one call");
			}
		}
		if (wanted.isEmpty()) {
			return List.of();
		}
		// a move between two unfinished statuses (proposed to accepted) frees no funds
		// and parks none, so only the owners whose intents finish need their shard's
		// lock, taken before the intents' own; a batch with none of them is not
		// read twice
		if (wanted.values().stream().anyMatch(s -> s.status().terminal())) {
			List<StoredIntent> found = this.intents.findAll(wanted.keySet());
			requireAll(wanted.keySet(), found);
			found.stream()
				.filter(i -> wanted.get(i.id()).status().terminal())
				.map(i -> this.runtime.shardOf(i.owner()))
				.distinct()
				.sorted()
				.forEach(this.shards::lockShard);
		}
		List<StoredIntent> locked = this.intents.lockAll(wanted.keySet());
		requireAll(wanted.keySet(), locked);
		Instant now = this.clock.instant();
		List<IntentStore.StatusChange> changes = new ArrayList<>();
		List<TraceStore.NewTrace> traces = new ArrayList<>();
		Set<UserId> finished = new LinkedHashSet<>();
		Map<IntentId, ActionIntent> settled = new HashMap<>();
		for (StoredIntent current : locked) {
			Settlement to = wanted.get(current.id());
			if (current.status() != to.status()) {
				if (current.status().terminal()) {
					throw new IllegalStateException("Intent " + current.id() + " is already " + current.status()
							+ "; it cannot become " + to.status());
				}
				changes.add(new IntentStore.StatusChange(current.id(), to.status(), to.reason()));
				traces.add(newTrace(current, outcome(to.status()), to.reason(), now));
				if (to.status().terminal()) {
					finished.add(current.owner());
				}
				current = current.with(to.status(), to.reason());
			}
			settled.put(current.id(), view(current));
		}
		this.intents.setStatuses(changes, now);
		this.traces.append(traces);
		finished.forEach(owner -> release(owner, now));
		return wanted.keySet().stream().map(settled::get).toList();
	}

	private static void requireAll(Set<IntentId> wanted, List<StoredIntent> found) {
		if (found.size() != wanted.size()) {
			Set<IntentId> missing = new LinkedHashSet<>(wanted);
			found.forEach(i -> missing.remove(i.id()));
			throw new NoSuchElementException("No intent " + missing.iterator().next());
		}
	}

	/**
	 * Lets waiting intents go whose funds are free now: highest priority, then oldest.
	 */
	private void release(UserId owner, Instant now) {
		List<StoredIntent> open = this.intents.open(owner);
		Set<String> busy = new HashSet<>();
		open.stream().filter(i -> i.status() != IntentStatus.WAITING).forEach(i -> busy.addAll(i.funds()));
		List<StoredIntent> waiting = open.stream()
			.filter(i -> i.status() == IntentStatus.WAITING)
			.sorted(Comparator.comparing(StoredIntent::priority)
				.reversed()
				.thenComparing(StoredIntent::proposedAt)
				.thenComparing(i -> i.id().value()))
			.toList();
		for (StoredIntent next : waiting) {
			if (!overlaps(busy, next.funds())) {
				busy.addAll(next.funds());
				String reason = "its turn came: the intent it waited for has finished";
				this.intents.setStatus(next.id(), IntentStatus.PROPOSED, reason, now);
				trace(next, TraceOutcome.FIRED, reason, now);
				this.events.publishEvent(new IntentProposed(view(this.intents.find(next.id()).orElseThrow())));
			}
		}
	}

	private void trace(StoredIntent intent, TraceOutcome outcome, String reason, Instant now) {
		this.traces.append(List.of(newTrace(intent, outcome, reason, now)));
	}

	private static TraceStore.NewTrace newTrace(StoredIntent intent, TraceOutcome outcome, String reason, Instant now) {
		return new TraceStore.NewTrace(intent.rule(), intent.owner(), intent.ruleVersion(), now, outcome, reason,
				List.<RuleTrace.ConditionResult>of(), intent.id());
	}

	private static TraceOutcome outcome(IntentStatus status) {
		return switch (status) {
			case PROPOSED -> TraceOutcome.FIRED;
			case WAITING -> TraceOutcome.WAITING;
			case ACCEPTED -> TraceOutcome.ACCEPTED;
			case BLOCKED -> TraceOutcome.BLOCKED;
			case COMPLETED -> TraceOutcome.COMPLETED;
			case FAILED -> TraceOutcome.FAILED;
			case EXPIRED -> TraceOutcome.EXPIRED;
		};
	}

	private ActionIntent view(StoredIntent intent) {
		return this.views.view(intent);
	}

	/** The funds the actions take: pools moved or withdrawn from, the idle balance. */
	static Set<String> funds(List<Action> actions) {
		Set<String> funds = new LinkedHashSet<>();
		for (Action action : actions) {
			switch (action) {
				case Move move -> funds.add(move.from().toString());
				case Withdraw withdraw -> funds.add(withdraw.from().toString());
				case Deposit deposit -> funds.add(IDLE);
				case Notify notify -> {
				}
			}
		}
		return funds;
	}

	private static boolean overlaps(Set<String> a, Set<String> b) {
		return a.stream().anyMatch(b::contains);
	}

	private static List<String> common(Set<String> a, Set<String> b) {
		return a.stream().filter(b::contains).sorted().toList();
	}

	private static String describe(List<Action> actions) {
		return actions.size() + ((actions.size() == 1) ? " action" : " actions");
	}

}
