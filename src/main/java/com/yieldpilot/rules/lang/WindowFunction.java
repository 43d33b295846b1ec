package com.yieldpilot.rules.lang;

/**
 * What a window computes over a metric's samples in the period before now. See
 * docs/decisions/0004-rule-language.md for the exact meaning of each.
 */
public enum WindowFunction {

	/** The time-weighted average over the period, in the metric's unit. */
	AVG("avg"),
	/** The lowest sample in the period. */
	MIN("min"),
	/** The highest sample in the period. */
	MAX("max"),
	/**
	 * The latest value minus the value at the period's start, in the metric's unit (for a
	 * percentage, in percentage points).
	 */
	CHANGE("change"),
	/**
	 * The change relative to the value at the period's start, in percent:
	 * {@code pctchange(tvl(x), 1h) < -30%} means TVL fell by more than 30% within the
	 * hour.
	 */
	PCTCHANGE("pctchange");

	private final String keyword;

	WindowFunction(String keyword) {
		this.keyword = keyword;
	}

	public String keyword() {
		return this.keyword;
	}

	static WindowFunction byKeyword(String keyword) {
		for (WindowFunction function : values()) {
			if (function.keyword.equals(keyword)) {
				return function;
			}
		}
		throw new IllegalArgumentException("No window function " + keyword);
	}

}
