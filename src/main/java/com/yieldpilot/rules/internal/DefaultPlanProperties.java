package com.yieldpilot.rules.internal;

import java.time.Duration;

import com.yieldpilot.rules.PlanLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The plan every user has until billing provides entitlements,
 * {@code yieldpilot.rules.default-plan.*}.
 *
 * @param maxRules how many rules a farmer may keep
 * @param minEvaluationInterval the shortest {@code evaluate every} and interval schedule
 * @param liveModeAllowed whether rules may run in {@code mode live}
 * @param maxActionsPerRule how many actions one rule may have
 */
@ConfigurationProperties("yieldpilot.rules.default-plan")
record DefaultPlanProperties(@DefaultValue("25") int maxRules, @DefaultValue("1m") Duration minEvaluationInterval,
		@DefaultValue("true") boolean liveModeAllowed, @DefaultValue("5") int maxActionsPerRule) {

	PlanLimits limits() {
		return new PlanLimits(this.maxRules, this.minEvaluationInterval, this.liveModeAllowed, this.maxActionsPerRule);
	}

}
