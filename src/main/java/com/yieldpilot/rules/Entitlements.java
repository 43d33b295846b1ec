package com.yieldpilot.rules;

import com.yieldpilot.identity.UserId;

/**
 * The plan limits of each user: the rules module's port to billing. Until billing
 * provides its own bean, one default plan (configured under
 * {@code yieldpilot.rules.default-plan}) applies to everyone.
 */
public interface Entitlements {

	PlanLimits limits(UserId user);

}
