package com.yieldpilot.rules.internal.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.yieldpilot.rules.internal.engine.Condition.AllOf;
import com.yieldpilot.rules.internal.engine.Condition.AnyOf;
import com.yieldpilot.rules.internal.engine.Condition.Comparison;
import com.yieldpilot.rules.internal.engine.Condition.HeldFor;
import com.yieldpilot.rules.internal.engine.Condition.Not;
import org.jspecify.annotations.Nullable;

/**
 * The plain indexed Java evaluator: terms numbered into one array of values, an index
 * from each term to the rules reading it, and a re-evaluation of each affected rule's
 * compiled tree. It is the benchmark's baseline and the tests' oracle: written for
 * obviousness and a tight loop, it must agree with the Drools engine on every change.
 */
public final class ReferenceEvaluator {

	private final Clock clock;

	private final Map<TermKey, Integer> numbers = new HashMap<>();

	private final Map<TermKey, Reading> latest = new HashMap<>();

	private double[] values = new double[1024];

	private final List<List<Rule>> readers = new ArrayList<>();

	private final Map<Long, Rule> rules = new HashMap<>();

	private final List<Rule> waiting = new ArrayList<>();

	private long pass;

	public ReferenceEvaluator(Clock clock) {
		this.clock = clock;
	}

	public List<RuleChange> install(long id, Condition condition, Truth reported) {
		Rule rule = new Rule(id, compile(condition));
		rule.reported = reported;
		this.rules.put(id, rule);
		for (TermKey key : terms(condition, new LinkedHashSet<>())) {
			this.readers.get(number(key)).add(rule);
		}
		List<RuleChange> changes = new ArrayList<>();
		evaluate(rule, changes);
		return changes;
	}

	public void uninstall(long id) {
		Rule rule = this.rules.remove(id);
		if (rule != null) {
			rule.removed = true;
			this.readers.forEach((list) -> list.remove(rule));
		}
	}

	public List<RuleChange> update(Map<TermKey, Reading> readings) {
		long stamp = ++this.pass;
		List<Rule> affected = new ArrayList<>();
		readings.forEach((key, reading) -> {
			this.latest.put(key, reading);
			Integer number = this.numbers.get(key);
			if (number != null) {
				this.values[number] = reading.known() ? reading.value() : Double.NaN;
				for (Rule rule : this.readers.get(number)) {
					if (rule.stamp != stamp) {
						rule.stamp = stamp;
						affected.add(rule);
					}
				}
			}
		});
		List<RuleChange> changes = new ArrayList<>();
		for (Rule rule : affected) {
			evaluate(rule, changes);
		}
		return changes;
	}

	/** Re-evaluates every rule that waits for a held part. */
	public List<RuleChange> advance() {
		List<RuleChange> changes = new ArrayList<>();
		List<Rule> due = new ArrayList<>(this.waiting);
		this.waiting.clear();
		for (Rule rule : due) {
			rule.waits = false;
			if (!rule.removed) {
				evaluate(rule, changes);
			}
		}
		return changes;
	}

	public Truth truth(long id) {
		Rule rule = this.rules.get(id);
		return (rule != null) ? rule.reported : Truth.UNKNOWN;
	}

	private void evaluate(Rule rule, List<RuleChange> changes) {
		Truth now = rule.top.truth(this, rule);
		if (now != rule.reported) {
			changes.add(new RuleChange(rule.id, rule.reported, now));
			rule.reported = now;
		}
	}

	private int number(TermKey key) {
		Integer known = this.numbers.get(key);
		if (known != null) {
			return known;
		}
		int number = this.numbers.size();
		this.numbers.put(key, number);
		if (number == this.values.length) {
			this.values = Arrays.copyOf(this.values, number * 2);
		}
		Reading reading = this.latest.get(key);
		this.values[number] = (reading != null && reading.known()) ? reading.value() : Double.NaN;
		this.readers.add(new ArrayList<>());
		return number;
	}

	private Node compile(Condition condition) {
		return switch (condition) {
			case Comparison comparison -> {
				Map<TermKey, Integer> slots = new HashMap<>();
				for (TermKey key : Formula.terms(comparison)) {
					slots.put(key, number(key));
				}
				yield new Leaf(Formula.of(comparison, slots));
			}
			case AllOf all -> new Gate(true, all.parts().stream().map(this::compile).toArray(Node[]::new));
			case AnyOf any -> new Gate(false, any.parts().stream().map(this::compile).toArray(Node[]::new));
			case Not not -> new Negate(compile(not.part()));
			case HeldFor held -> new Held(compile(held.part()), held.duration());
		};
	}

	private static Set<TermKey> terms(Condition condition, Set<TermKey> into) {
		switch (condition) {
			case Comparison comparison -> into.addAll(Formula.terms(comparison));
			case AllOf all -> all.parts().forEach((part) -> terms(part, into));
			case AnyOf any -> any.parts().forEach((part) -> terms(part, into));
			case Not not -> terms(not.part(), into);
			case HeldFor held -> terms(held.part(), into);
		}
		return into;
	}

	private sealed interface Node permits Leaf, Gate, Negate, Held {

		Truth truth(ReferenceEvaluator evaluator, Rule rule);

	}

	private record Leaf(Formula formula) implements Node {

		@Override
		public Truth truth(ReferenceEvaluator evaluator, Rule rule) {
			return this.formula.evaluate(evaluator.values);
		}

	}

	/**
	 * All of (conjunction) or any of its parts, in three-valued logic; every part is
	 * evaluated.
	 */
	private record Gate(boolean all, Node[] parts) implements Node {

		@Override
		public Truth truth(ReferenceEvaluator evaluator, Rule rule) {
			boolean unknown = false;
			boolean decided = false;
			Truth deciding = this.all ? Truth.FALSE : Truth.TRUE;
			for (Node part : this.parts) {
				Truth truth = part.truth(evaluator, rule);
				decided |= truth == deciding;
				unknown |= truth == Truth.UNKNOWN;
			}
			return decided ? deciding : unknown ? Truth.UNKNOWN : deciding.negate();
		}

	}

	private record Negate(Node part) implements Node {

		@Override
		public Truth truth(ReferenceEvaluator evaluator, Rule rule) {
			return this.part.truth(evaluator, rule).negate();
		}

	}

	private static final class Held implements Node {

		private final Node part;

		private final Duration duration;

		private @Nullable Instant since;

		Held(Node part, Duration duration) {
			this.part = part;
			this.duration = duration;
		}

		@Override
		public Truth truth(ReferenceEvaluator evaluator, Rule rule) {
			Truth part = this.part.truth(evaluator, rule);
			if (part != Truth.TRUE) {
				this.since = null;
				return part;
			}
			Instant now = evaluator.clock.instant();
			Instant start = this.since;
			if (start == null) {
				start = now;
				this.since = now;
			}
			if (start.plus(this.duration).isAfter(now)) {
				if (!rule.waits) {
					rule.waits = true;
					evaluator.waiting.add(rule);
				}
				return Truth.FALSE;
			}
			return Truth.TRUE;
		}

	}

	private static final class Rule {

		final long id;

		final Node top;

		Truth reported = Truth.UNKNOWN;

		long stamp;

		boolean waits;

		boolean removed;

		Rule(long id, Node top) {
			this.id = id;
			this.top = top;
		}

	}

}
