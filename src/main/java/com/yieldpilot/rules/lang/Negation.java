package com.yieldpilot.rules.lang;

import java.util.Objects;

/** The operand with its sign flipped: {@code -1%}. */
public record Negation(Expression operand) implements Expression {

	public Negation {
		Objects.requireNonNull(operand, "operand");
	}

}
