/**
 * The facts guardrail DRL reads, and the verdict API it may call: an {@link IntentFact}
 * ({@code block(reason)}, {@code scale(factor, reason)}), one {@link ActionFact} per
 * action, one {@link PoolFact} per pool the intent touches, the farmer's
 * {@link PortfolioFact} and the {@link GuardrailSettings}. Guardrail DRL is trusted and
 * written by admins, but it sees nothing else: no Spring bean, no global.
 */
@NullMarked
package com.yieldpilot.execution.internal.facts;

import org.jspecify.annotations.NullMarked;
