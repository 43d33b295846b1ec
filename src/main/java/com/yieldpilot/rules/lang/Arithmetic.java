package com.yieldpilot.rules.lang;

import java.util.Objects;

/**
 * Two values combined, e.g. {@code apy(aave-v3:base:USDC) + 1%}. Operators of equal
 * precedence group to the left.
 */
public record Arithmetic(Expression left, ArithmeticOperator operator, Expression right) implements Expression {

	public Arithmetic {
		Objects.requireNonNull(left, "left");
		Objects.requireNonNull(operator, "operator");
		Objects.requireNonNull(right, "right");
	}

}
