package com.yieldpilot.rules.lang;

/**
 * Arithmetic operators; {@code *} and {@code /} bind tighter than {@code +} and
 * {@code -}.
 */
public enum ArithmeticOperator {

	PLUS("+", 1), MINUS("-", 1), TIMES("*", 2), DIVIDED_BY("/", 2);

	private final String symbol;

	private final int precedence;

	ArithmeticOperator(String symbol, int precedence) {
		this.symbol = symbol;
		this.precedence = precedence;
	}

	public String symbol() {
		return this.symbol;
	}

	/** Higher binds tighter. */
	public int precedence() {
		return this.precedence;
	}

	static ArithmeticOperator bySymbol(String symbol) {
		for (ArithmeticOperator operator : values()) {
			if (operator.symbol.equals(symbol)) {
				return operator;
			}
		}
		throw new IllegalArgumentException("No arithmetic operator " + symbol);
	}

}
