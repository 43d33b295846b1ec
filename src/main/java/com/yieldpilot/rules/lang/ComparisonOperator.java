package com.yieldpilot.rules.lang;

/** The comparison operators, with the symbols rules write them as. */
public enum ComparisonOperator {

	LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="), EQUAL("=="), NOT_EQUAL("!=");

	private final String symbol;

	ComparisonOperator(String symbol) {
		this.symbol = symbol;
	}

	public String symbol() {
		return this.symbol;
	}

	static ComparisonOperator bySymbol(String symbol) {
		for (ComparisonOperator operator : values()) {
			if (operator.symbol.equals(symbol)) {
				return operator;
			}
		}
		throw new IllegalArgumentException("No comparison operator " + symbol);
	}

}
