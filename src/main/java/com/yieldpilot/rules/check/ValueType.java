package com.yieldpilot.rules.check;

import com.yieldpilot.market.MetricUnit;
import com.yieldpilot.rules.lang.LiteralUnit;

/** The kinds of value a condition computes with; units follow their algebra. */
public enum ValueType {

	/** A plain number or ratio (risk 0.4, utilization 0.9). */
	NUMBER("a plain number (a ratio)", "`0.4`"),
	/** Percent (APY). */
	PERCENT("a percentage", "`4%`"),
	/** US dollars (TVL, price, balances). */
	USD("an amount in US dollars", "`$50M`"),
	/** Gas price in gwei. */
	GWEI("a gas price in gwei", "`30 gwei`");

	private final String words;

	private final String example;

	ValueType(String words, String example) {
		this.words = words;
		this.example = example;
	}

	/** The type in words: "a percentage". */
	public String words() {
		return this.words;
	}

	/** A literal of this type, for messages. */
	public String example() {
		return this.example;
	}

	/** The type a literal's unit gives it: {@code %} and {@code bps} are percentages. */
	public static ValueType of(LiteralUnit unit) {
		return switch (unit) {
			case NUMBER -> NUMBER;
			case PERCENT, BPS -> PERCENT;
			case USD -> USD;
			case GWEI -> GWEI;
		};
	}

	static ValueType of(MetricUnit unit) {
		return switch (unit) {
			case PERCENT -> PERCENT;
			case USD -> USD;
			case RATIO -> NUMBER;
			case GWEI -> GWEI;
		};
	}

}
