package com.yieldpilot.rules.internal.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.yieldpilot.rules.internal.engine.Condition.Comparison;
import com.yieldpilot.rules.internal.engine.Condition.Relation;
import com.yieldpilot.rules.internal.engine.Operand.Arithmetic;
import com.yieldpilot.rules.internal.engine.Operand.Constant;
import com.yieldpilot.rules.internal.engine.Operand.Operator;
import com.yieldpilot.rules.internal.engine.Operand.Term;

/**
 * A comparison with its terms replaced by slots, evaluated over the slots' values. This
 * is the only evaluation there is: trusted code interpreting data, the same for every
 * rule.
 */
final class Formula {

	private final Part left;

	private final Relation relation;

	private final Part right;

	private Formula(Part left, Relation relation, Part right) {
		this.left = left;
		this.relation = relation;
		this.right = right;
	}

	/** Compiles a comparison; each distinct term gets the slot the map gives it. */
	static Formula of(Comparison comparison, Map<TermKey, Integer> slots) {
		return new Formula(part(comparison.left(), slots), comparison.relation(), part(comparison.right(), slots));
	}

	/** The distinct terms of a comparison, in first-use order. */
	static List<TermKey> terms(Comparison comparison) {
		LinkedHashSet<TermKey> terms = new LinkedHashSet<>();
		collect(comparison.left(), terms);
		collect(comparison.right(), terms);
		return List.copyOf(terms);
	}

	private static void collect(Operand operand, Set<TermKey> terms) {
		switch (operand) {
			case Term term -> terms.add(term.key());
			case Arithmetic arithmetic -> {
				collect(arithmetic.left(), terms);
				collect(arithmetic.right(), terms);
			}
			case Constant constant -> {
			}
		}
	}

	Truth evaluate(double[] values) {
		double l = this.left.value(values);
		double r = this.right.value(values);
		if (Double.isNaN(l) || Double.isNaN(r)) {
			return Truth.UNKNOWN;
		}
		return Truth.of(this.relation.test(l, r));
	}

	private static Part part(Operand operand, Map<TermKey, Integer> slots) {
		return switch (operand) {
			case Constant constant -> new Fixed(constant.value());
			case Term term -> new Slot(slots.get(term.key()));
			case Arithmetic arithmetic ->
				new Apply(part(arithmetic.left(), slots), arithmetic.operator(), part(arithmetic.right(), slots));
		};
	}

	private sealed interface Part permits Fixed, Slot, Apply {

		double value(double[] values);

	}

	private record Fixed(double constant) implements Part {

		@Override
		public double value(double[] values) {
			return this.constant;
		}

	}

	private record Slot(int index) implements Part {

		@Override
		public double value(double[] values) {
			return values[this.index];
		}

	}

	private record Apply(Part left, Operator operator, Part right) implements Part {

		@Override
		public double value(double[] values) {
			double l = this.left.value(values);
			double r = this.right.value(values);
			return (Double.isNaN(l) || Double.isNaN(r)) ? Double.NaN : this.operator.apply(l, r);
		}

	}

}
