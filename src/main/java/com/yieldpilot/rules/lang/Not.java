package com.yieldpilot.rules.lang;

import java.util.Objects;

/** The operand does not hold. */
public record Not(Condition operand) implements Condition {

	public Not {
		Objects.requireNonNull(operand, "operand");
	}

}
