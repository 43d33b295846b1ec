package com.yieldpilot.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * What a farmer's plan allows their rules.
 *
 * @param maxRules how many rules the farmer may keep (checked when a rule is saved)
 * @param minEvaluationInterval the shortest {@code evaluate every} and interval schedule
 * @param liveModeAllowed whether rules may run in {@code mode live}; paper mode is always
 * allowed
 * @param maxActionsPerRule how many actions one rule may have
 */
public record PlanLimits(int maxRules, Duration minEvaluationInterval, boolean liveModeAllowed, int maxActionsPerRule) {

	public PlanLimits {
		if (maxRules < 0) {
			throw new IllegalArgumentException("maxRules must not be negative: " + maxRules);
		}
		Objects.requireNonNull(minEvaluationInterval, "minEvaluationInterval");
		if (minEvaluationInterval.isNegative() || minEvaluationInterval.isZero()) {
			throw new IllegalArgumentException("minEvaluationInterval must be positive: " + minEvaluationInterval);
		}
		if (maxActionsPerRule < 1) {
			throw new IllegalArgumentException("maxActionsPerRule must be at least 1: " + maxActionsPerRule);
		}
	}

}
