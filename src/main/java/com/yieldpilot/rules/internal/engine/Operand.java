package com.yieldpilot.rules.internal.engine;

import java.util.Objects;

/** A numeric expression over terms and constants. */
public sealed interface Operand {

	/** A number, already converted to the unit of the term it is compared with. */
	record Constant(double value) implements Operand {

		public Constant {
			if (!Double.isFinite(value)) {
				throw new IllegalArgumentException("A constant must be finite, not " + value);
			}
		}

	}

	/** The current value of a term. */
	record Term(TermKey key) implements Operand {

		public Term {
			Objects.requireNonNull(key, "key");
		}

	}

	/** {@code left op right}. */
	record Arithmetic(Operand left, Operator operator, Operand right) implements Operand {

		public Arithmetic {
			Objects.requireNonNull(left, "left");
			Objects.requireNonNull(operator, "operator");
			Objects.requireNonNull(right, "right");
		}

	}

	/** Arithmetic operators. */
	enum Operator {

		PLUS("+"), MINUS("-"), TIMES("*"), DIVIDED_BY("/");

		private final String symbol;

		Operator(String symbol) {
			this.symbol = symbol;
		}

		public String symbol() {
			return this.symbol;
		}

		/**
		 * NaN when the result is not a number (a division by zero): the condition is then
		 * unknown.
		 */
		public double apply(double left, double right) {
			double result = switch (this) {
				case PLUS -> left + right;
				case MINUS -> left - right;
				case TIMES -> left * right;
				case DIVIDED_BY -> left / right;
			};
			return Double.isFinite(result) ? result : Double.NaN;
		}

	}

}
