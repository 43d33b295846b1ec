package com.yieldpilot.rules.lang;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number with its unit, never negative ({@code -1%} is a {@link Negation} of
 * {@code 1%}). The value is kept in its normal form, so {@code 4.0%} and {@code 4%} are
 * equal.
 */
public record Literal(BigDecimal value, LiteralUnit unit) implements Expression {

	public Literal {
		value = Numbers.require(Objects.requireNonNull(value, "value"));
		Objects.requireNonNull(unit, "unit");
	}

	public static Literal of(String value, LiteralUnit unit) {
		return new Literal(new BigDecimal(value), unit);
	}

	/**
	 * The value in the unit of its kind: basis points become percent ({@code 50 bps} →
	 * 0.5), everything else is unchanged.
	 */
	public BigDecimal inBaseUnit() {
		return (this.unit == LiteralUnit.BPS) ? Numbers.normal(this.value.movePointLeft(2)) : this.value;
	}

}
