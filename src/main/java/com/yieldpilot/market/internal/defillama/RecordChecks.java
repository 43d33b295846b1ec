package com.yieldpilot.market.internal.defillama;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The plausibility rules shared by pools, chart points and imported history. Each check
 * adds a reason that names the field to {@code problems}; a record with any problem is
 * skipped.
 */
public final class RecordChecks {

	/** Lowest APY that can be real: -100 % means everything is lost. */
	public static final double MIN_APY_PERCENT = -100;

	/**
	 * Highest APY taken as real. DefiLlama does list pools at a few thousand percent (a
	 * real snapshot tops out near 10,000 %); beyond 100,000 % it is a broken feed or a
	 * freshly launched pool with dust TVL, and rules must not act on either.
	 */
	public static final double MAX_APY_PERCENT = 100_000;

	private RecordChecks() {
	}

	/**
	 * Junk in a field the record cannot do without (APY, TVL) skips the record; a plain
	 * {@code null} there is accepted.
	 */
	static void requireNumberIfPresent(String field, JsonValues.NumberValue value, List<String> problems) {
		if (value.isJunk()) {
			problems.add(field + " is not a number: " + value.junk());
		}
	}

	public static void requireNotNegative(String field, @Nullable Double value, List<String> problems) {
		if (value != null && value < 0) {
			problems.add(field + " is negative: " + value);
		}
	}

	public static void requirePlausibleApy(String field, @Nullable Double value, List<String> problems) {
		if (value != null && (value < MIN_APY_PERCENT || value > MAX_APY_PERCENT)) {
			problems.add(field + " " + value + " % is outside [" + (long) MIN_APY_PERCENT + ", "
					+ (long) MAX_APY_PERCENT + "] %, treated as an outlier");
		}
	}

	public static String describe(List<String> problems) {
		return String.join("; ", problems);
	}

}
