package com.yieldpilot.rules.lang;

/**
 * The unit a literal is written in. The tree keeps what was written ({@code 50 bps} stays
 * basis points); {@link Literal#inBaseUnit()} gives the value validation and the compiler
 * work with.
 */
public enum LiteralUnit {

	/** A plain number or ratio: {@code 0.4}. */
	NUMBER,
	/** Percent: {@code 4%}. */
	PERCENT,
	/** Basis points, hundredths of a percent: {@code 50 bps} is 0.5%. */
	BPS,
	/** US dollars: {@code $50k}, {@code 50000 USD}. */
	USD,
	/** Gas price in gwei: {@code 30 gwei}. */
	GWEI

}
