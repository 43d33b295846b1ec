package com.yieldpilot.rules.internal.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

import com.yieldpilot.rules.internal.engine.Condition.AllOf;
import com.yieldpilot.rules.internal.engine.Condition.AnyOf;
import com.yieldpilot.rules.internal.engine.Condition.Comparison;
import com.yieldpilot.rules.internal.engine.Condition.HeldFor;
import com.yieldpilot.rules.internal.engine.Condition.Not;
import org.jspecify.annotations.Nullable;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One Drools session holding the rules of one shard. Installing or removing a rule
 * inserts or deletes only that rule's facts; a market update changes the affected term
 * values in place. Not thread-safe: a shard is evaluated by one thread at a time.
 */
public final class EngineShard implements AutoCloseable {

	private final KieSession session;

	private final Changes changes;

	private final Map<TermKey, Slot> terms = new HashMap<>();

	private final Map<Long, Installed> rules = new HashMap<>();

	private final PriorityQueue<Waiting> waiting = new PriorityQueue<>(Comparator.comparing(Waiting::dueAt));

	private long nextNode = 1;

	private int nextKey = 1;

	EngineShard(NetworkRules network, Clock clock) {
		this.changes = new Changes(clock);
		this.session = network.newSession(this.changes);
	}

	/**
	 * Makes a rule live. {@code current} gives the value of a term this shard does not
	 * hold yet. {@code reported} is the truth the rule last reported (UNKNOWN for a new
	 * rule), and {@code heldSince} the stored start of each held part, by its
	 * {@link #heldParts} position, so neither firing nor a "for 2h" restarts after a
	 * rebuild.
	 * @return changes of rule truth, including this rule's own first one
	 */
	public List<RuleChange> install(long rule, Condition condition, Function<TermKey, Reading> current, Truth reported,
			Map<Integer, Instant> heldSince) {
		if (this.rules.containsKey(rule)) {
			throw new IllegalStateException("Rule " + rule + " is already installed");
		}
		Installed installed = new Installed(rule, reported);
		this.rules.put(rule, installed);
		installed.top = add(installed, condition, Node.TOP, 0, current, heldSince);
		if (installed.parts.isEmpty()) {
			installed.parts.add(installed.top);
		}
		return fire();
	}

	/** Removes a rule's facts; terms no other rule reads leave the session too. */
	public void uninstall(long rule) {
		Installed installed = this.rules.remove(rule);
		if (installed == null) {
			return;
		}
		installed.handles.forEach(this.session::delete);
		for (TermKey key : installed.terms) {
			Slot slot = this.terms.get(key);
			if (slot != null && --slot.users == 0) {
				this.terms.remove(key);
				this.session.delete(slot.handle);
			}
		}
	}

	public boolean holds(long rule) {
		return this.rules.containsKey(rule);
	}

	public int size() {
		return this.rules.size();
	}

	/** The terms this shard's rules read. */
	public Set<TermKey> terms() {
		return Collections.unmodifiableSet(this.terms.keySet());
	}

	/** New values for terms; values of terms no rule here reads are ignored. */
	public List<RuleChange> update(Map<TermKey, Reading> readings) {
		for (Map.Entry<TermKey, Reading> reading : readings.entrySet()) {
			Slot slot = this.terms.get(reading.getKey());
			if (slot != null && slot.value.set(reading.getValue())) {
				this.session.update(slot.handle, slot.value);
			}
		}
		return fire();
	}

	/** Wakes held parts whose duration has passed by now. */
	public List<RuleChange> advance() {
		Instant now = this.changes.now();
		boolean woke = false;
		while (!this.waiting.isEmpty() && !this.waiting.peek().dueAt().isAfter(now)) {
			Waiting due = this.waiting.poll();
			if (due.dueAt().equals(due.gate().getDueAt()) && this.rules.containsKey(due.gate().getRule())) {
				due.gate().touch();
				this.session.update(this.session.getFactHandle(due.gate()), due.gate());
				woke = true;
			}
		}
		return woke ? fire() : List.of();
	}

	/** When the next held part may become true, if any waits. */
	public @Nullable Instant nextDue() {
		Waiting next = this.waiting.peek();
		return (next != null) ? next.dueAt() : null;
	}

	/** A rule's current truth, or UNKNOWN when it is not installed here. */
	public Truth truth(long rule) {
		Installed installed = this.rules.get(rule);
		return (installed != null && installed.top != null) ? installed.top.getState() : Truth.UNKNOWN;
	}

	/**
	 * The truth of each part of a rule's condition: the operands of its top
	 * {@code and}/{@code or}, in order, or the whole condition when it is neither.
	 */
	public List<Truth> partTruths(long rule) {
		Installed installed = this.rules.get(rule);
		return (installed != null) ? installed.parts.stream().map(Node::getState).toList() : List.of();
	}

	/** Whether any part of the rule waits for a duration ("for 2h"). */
	public boolean hasHeldParts(long rule) {
		Installed installed = this.rules.get(rule);
		return installed != null && !installed.held.isEmpty();
	}

	/** Since when each held part of a rule has been true, by position: what to store. */
	public Map<Integer, Instant> heldSince(long rule) {
		Installed installed = this.rules.get(rule);
		Map<Integer, Instant> since = new LinkedHashMap<>();
		if (installed != null) {
			for (int i = 0; i < installed.held.size(); i++) {
				Instant start = installed.held.get(i).getSince();
				if (start != null) {
					since.put(i, start);
				}
			}
		}
		return since;
	}

	private List<RuleChange> fire() {
		this.session.fireAllRules();
		for (Gate gate : this.changes.drainWaiting()) {
			Instant due = gate.getDueAt();
			if (due != null) {
				this.waiting.add(new Waiting(due, gate));
			}
		}
		return this.changes.drain();
	}

	private Node add(Installed installed, Condition condition, long parent, int depth,
			Function<TermKey, Reading> current, Map<Integer, Instant> heldSince) {
		long id = this.nextNode++;
		return switch (condition) {
			case Comparison comparison -> leaf(installed, comparison, id, parent, depth, current);
			case AllOf all -> gate(installed, Gate.Kind.ALL, all.parts(), null, id, parent, depth, current, heldSince);
			case AnyOf any -> gate(installed, Gate.Kind.ANY, any.parts(), null, id, parent, depth, current, heldSince);
			case Not not ->
				gate(installed, Gate.Kind.NOT, List.of(not.part()), null, id, parent, depth, current, heldSince);
			case HeldFor held ->
				gate(installed, Gate.Kind.HELD, List.of(held.part()), held, id, parent, depth, current, heldSince);
		};
	}

	/**
	 * A gate counts its leaves' first truth before it is inserted; gates below it start
	 * unknown and tell it when they settle.
	 */
	private Node gate(Installed installed, Gate.Kind kind, List<Condition> parts, @Nullable HeldFor held, long id,
			long parent, int depth, Function<TermKey, Reading> current, Map<Integer, Instant> heldSince) {
		Instant since = null;
		if (held != null) {
			since = heldSince.get(installed.held.size());
		}
		Gate gate = new Gate(id, parent, installed.rule, depth, kind, parts.size(),
				(held != null) ? held.duration() : null, since);
		if (held != null) {
			installed.held.add(gate);
		}
		for (Condition part : parts) {
			Node child = add(installed, part, id, depth + 1, current, heldSince);
			if (parent == Node.TOP && (kind == Gate.Kind.ALL || kind == Gate.Kind.ANY)) {
				installed.parts.add(child);
			}
			if (child instanceof Leaf) {
				gate.recount(Truth.UNKNOWN, child.getState());
			}
		}
		insert(installed, gate);
		return gate;
	}

	private Node leaf(Installed installed, Comparison comparison, long id, long parent, int depth,
			Function<TermKey, Reading> current) {
		List<TermKey> keys = Formula.terms(comparison);
		Map<TermKey, Integer> slots = new HashMap<>();
		TermValue[] values = new TermValue[keys.size()];
		for (int i = 0; i < keys.size(); i++) {
			slots.put(keys.get(i), i);
			values[i] = use(installed, keys.get(i), current);
		}
		Leaf leaf = new Leaf(id, parent, installed.rule, depth, Formula.of(comparison, slots), values);
		insert(installed, leaf);
		if (values.length > 1) {
			for (TermValue value : values) {
				installed.handles.add(this.session.insert(new LeafLink(value.getKey(), id)));
			}
		}
		if (parent == Node.TOP) {
			// a rule that is a single comparison reports its first truth here; a gate on
			// top reports when it settles
			this.changes.report(leaf);
		}
		return leaf;
	}

	private void insert(Installed installed, Node node) {
		if (node.getParent() == Node.TOP) {
			node.assumeReported(installed.reported);
		}
		installed.handles.add(this.session.insert(node));
	}

	private TermValue use(Installed installed, TermKey key, Function<TermKey, Reading> current) {
		Slot slot = this.terms.get(key);
		if (slot == null) {
			TermValue value = new TermValue(this.nextKey++, key);
			value.set(current.apply(key));
			slot = new Slot(value, this.session.insert(value));
			this.terms.put(key, slot);
		}
		if (installed.terms.add(key)) {
			slot.users++;
		}
		return slot.value;
	}

	@Override
	public void close() {
		this.session.dispose();
	}

	private static final class Slot {

		final TermValue value;

		final FactHandle handle;

		int users;

		Slot(TermValue value, FactHandle handle) {
			this.value = value;
			this.handle = handle;
		}

	}

	private static final class Installed {

		final long rule;

		final Truth reported;

		final List<FactHandle> handles = new ArrayList<>();

		final Set<TermKey> terms = new HashSet<>();

		final List<Gate> held = new ArrayList<>();

		/** The top gate's parts (a rule's "and"/"or" operands), or the top alone. */
		final List<Node> parts = new ArrayList<>();

		@Nullable Node top;

		Installed(long rule, Truth reported) {
			this.rule = rule;
			this.reported = reported;
		}

	}

	private record Waiting(Instant dueAt, Gate gate) {
	}

}
