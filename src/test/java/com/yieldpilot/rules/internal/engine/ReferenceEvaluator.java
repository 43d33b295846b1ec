package com.yieldpilot.rules.internal.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.yieldpilot.rules.internal.engine.Condition.AllOf;
import com.yieldpilot.rules.internal.engine.Condition.AnyOf;
import com.yieldpilot.rules.internal.engine.Condition.Comparison;
import com.yieldpilot.rules.internal.engine.Condition.HeldFor;
import com.yieldpilot.rules.internal.engine.Condition.Not;
import com.yieldpilot.rules.internal.engine.Operand.Arithmetic;
import com.yieldpilot.rules.internal.engine.Operand.Constant;
import com.yieldpilot.rules.internal.engine.Operand.Term;

/**
 * The plain indexed Java evaluator: an index from term to the rules reading it, and a
 * full re-evaluation of each affected rule's tree. It is the benchmark's baseline and the
 * tests' oracle: written for obviousness, it must agree with the Drools engine on every
 * change.
 */
public final class ReferenceEvaluator {

	private final Clock clock;

	private final Map<TermKey, Reading> values = new HashMap<>();

	private final Map<TermKey, Set<Long>> readers = new HashMap<>();

	private final Map<Long, Rule> rules = new HashMap<>();

	public ReferenceEvaluator(Clock clock) {
		this.clock = clock;
	}

	public List<RuleChange> install(long id, Condition condition, Truth reported) {
		Rule rule = new Rule(id, condition);
		rule.reported = reported;
		this.rules.put(id, rule);
		for (TermKey key : terms(condition, new LinkedHashSet<>())) {
			this.readers.computeIfAbsent(key, (k) -> new HashSet<>()).add(id);
		}
		List<RuleChange> changes = new ArrayList<>();
		evaluate(rule, changes);
		return changes;
	}

	public void uninstall(long id) {
		Rule rule = this.rules.remove(id);
		if (rule != null) {
			for (TermKey key : terms(rule.condition, new LinkedHashSet<>())) {
				this.readers.getOrDefault(key, Set.of()).remove(id);
			}
		}
	}

	public List<RuleChange> update(Map<TermKey, Reading> readings) {
		Set<Long> affected = new LinkedHashSet<>();
		readings.forEach((key, reading) -> {
			this.values.put(key, reading);
			affected.addAll(this.readers.getOrDefault(key, Set.of()));
		});
		List<RuleChange> changes = new ArrayList<>();
		for (long id : affected) {
			evaluate(this.rules.get(id), changes);
		}
		return changes;
	}

	/** Re-evaluates every rule that waits for a held part. */
	public List<RuleChange> advance() {
		List<RuleChange> changes = new ArrayList<>();
		for (Rule rule : this.rules.values()) {
			if (!rule.since.isEmpty()) {
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
		Truth now = truth(rule, rule.condition);
		if (now != rule.reported) {
			changes.add(new RuleChange(rule.id, rule.reported, now));
			rule.reported = now;
		}
	}

	private Truth truth(Rule rule, Condition condition) {
		return switch (condition) {
			case Comparison comparison -> compare(comparison);
			case AllOf all -> {
				boolean unknown = false;
				boolean anyFalse = false;
				for (Condition part : all.parts()) {
					Truth truth = truth(rule, part);
					anyFalse |= truth == Truth.FALSE;
					unknown |= truth == Truth.UNKNOWN;
				}
				yield anyFalse ? Truth.FALSE : unknown ? Truth.UNKNOWN : Truth.TRUE;
			}
			case AnyOf any -> {
				boolean unknown = false;
				boolean anyTrue = false;
				for (Condition part : any.parts()) {
					Truth truth = truth(rule, part);
					anyTrue |= truth == Truth.TRUE;
					unknown |= truth == Truth.UNKNOWN;
				}
				yield anyTrue ? Truth.TRUE : unknown ? Truth.UNKNOWN : Truth.FALSE;
			}
			case Not not -> truth(rule, not.part()).negate();
			case HeldFor held -> {
				Truth part = truth(rule, held.part());
				if (part != Truth.TRUE) {
					rule.since.remove(held);
					yield part;
				}
				Instant now = this.clock.instant();
				Instant since = rule.since.computeIfAbsent(held, (h) -> now);
				yield since.plus(held.duration()).isAfter(now) ? Truth.FALSE : Truth.TRUE;
			}
		};
	}

	private Truth compare(Comparison comparison) {
		double left = value(comparison.left());
		double right = value(comparison.right());
		if (Double.isNaN(left) || Double.isNaN(right)) {
			return Truth.UNKNOWN;
		}
		return Truth.of(comparison.relation().test(left, right));
	}

	private double value(Operand operand) {
		return switch (operand) {
			case Constant constant -> constant.value();
			case Term term -> {
				Reading reading = this.values.get(term.key());
				yield (reading != null && reading.known()) ? reading.value() : Double.NaN;
			}
			case Arithmetic arithmetic -> {
				double left = value(arithmetic.left());
				double right = value(arithmetic.right());
				yield (Double.isNaN(left) || Double.isNaN(right)) ? Double.NaN
						: arithmetic.operator().apply(left, right);
			}
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

	private static final class Rule {

		final long id;

		final Condition condition;

		// identity: two equal "for" parts of one rule are still two parts
		final Map<HeldFor, Instant> since = new IdentityHashMap<>();

		Truth reported = Truth.UNKNOWN;

		Rule(long id, Condition condition) {
			this.id = id;
			this.condition = condition;
		}

	}

}
