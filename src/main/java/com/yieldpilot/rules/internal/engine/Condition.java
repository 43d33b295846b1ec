package com.yieldpilot.rules.internal.engine;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the compiler hands the engine: a rule's condition as a tree of comparisons over
 * {@link Operand}s, combined with all/any/not and held for a duration.
 */
public sealed interface Condition {

	/** The distinct terms a condition reads, in first-use order. */
	static List<TermKey> terms(Condition condition) {
		LinkedHashSet<TermKey> terms = new LinkedHashSet<>();
		collect(condition, terms);
		return List.copyOf(terms);
	}

	private static void collect(Condition condition, Set<TermKey> terms) {
		switch (condition) {
			case Comparison comparison -> terms.addAll(Formula.terms(comparison));
			case AllOf all -> all.parts().forEach(p -> collect(p, terms));
			case AnyOf any -> any.parts().forEach(p -> collect(p, terms));
			case Not not -> collect(not.part(), terms);
			case HeldFor held -> collect(held.part(), terms);
		}
	}

	/** {@code left relation right}, e.g. {@code apy(a) > apy(b) + 1}. */
	record Comparison(Operand left, Relation relation, Operand right) implements Condition {

		public Comparison {
			Objects.requireNonNull(left, "left");
			Objects.requireNonNull(relation, "relation");
			Objects.requireNonNull(right, "right");
		}

	}

	/** Every part holds. */
	record AllOf(List<Condition> parts) implements Condition {

		public AllOf {
			parts = List.copyOf(parts);
			if (parts.isEmpty()) {
				throw new IllegalArgumentException("'all of' needs at least one part");
			}
		}

	}

	/** At least one part holds. */
	record AnyOf(List<Condition> parts) implements Condition {

		public AnyOf {
			parts = List.copyOf(parts);
			if (parts.isEmpty()) {
				throw new IllegalArgumentException("'any of' needs at least one part");
			}
		}

	}

	/** The part does not hold (and is known). */
	record Not(Condition part) implements Condition {

		public Not {
			Objects.requireNonNull(part, "part");
		}

	}

	/** The part has held without interruption for at least the duration. */
	record HeldFor(Condition part, Duration duration) implements Condition {

		public HeldFor {
			Objects.requireNonNull(part, "part");
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("'for' needs a positive duration, not " + duration);
			}
		}

	}

	/** Comparison operators. */
	enum Relation {

		LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

		private final String symbol;

		Relation(String symbol) {
			this.symbol = symbol;
		}

		public String symbol() {
			return this.symbol;
		}

		public boolean test(double left, double right) {
			return switch (this) {
				case LT -> left < right;
				case LE -> left <= right;
				case GT -> left > right;
				case GE -> left >= right;
				case EQ -> left == right;
				case NE -> left != right;
			};
		}

		/**
		 * The relation that holds when both sides swap places ({@code a < b} ⇔
		 * {@code b > a}).
		 */
		public Relation mirrored() {
			return switch (this) {
				case LT -> GT;
				case LE -> GE;
				case GT -> LT;
				case GE -> LE;
				case EQ, NE -> this;
			};
		}

	}

}
