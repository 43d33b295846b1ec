package com.yieldpilot.execution.internal;

import java.time.Instant;
import java.util.List;

import com.yieldpilot.execution.GuardrailVerdict;
import com.yieldpilot.execution.GuardrailVerdict.Outcome;
import com.yieldpilot.execution.KillSwitch;
import com.yieldpilot.execution.internal.facts.IntentFact;
import com.yieldpilot.rules.IntentId;
import org.jspecify.annotations.Nullable;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one guardrail version over one intent's facts. It fails closed: with the kill
 * switch on, without an active version, or when a guardrail throws, an intent that moves
 * funds is blocked, with the reason said.
 */
final class GuardrailRunner {

	private static final Logger log = LoggerFactory.getLogger(GuardrailRunner.class);

	/** The most rule firings one review may take; a looping guardrail stops there. */
	private static final int MAX_FIRINGS = 1_000;

	private GuardrailRunner() {
	}

	static GuardrailVerdict review(IntentId id, @Nullable CompiledGuardrails guardrails, GuardrailFacts facts,
			KillSwitch killSwitch, Instant now) {
		Integer version = (guardrails != null) ? guardrails.version() : null;
		if (killSwitch.engaged() && facts.movesFunds()) {
			String why = (killSwitch.reason() != null) ? ": " + killSwitch.reason() : "";
			return blocked(id, "an admin stopped all fund movements with the kill switch" + why, version, now);
		}
		if (guardrails == null) {
			return blocked(id, "no guardrails are active, so nothing may move; an admin activates a version", null,
					now);
		}
		IntentFact intent = facts.intent();
		KieSession session = guardrails.base().newKieSession();
		try {
			session.insert(facts.settings());
			session.insert(facts.portfolio());
			facts.pools().forEach(session::insert);
			facts.actions().forEach(session::insert);
			session.insert(intent);
			int fired = session.fireAllRules(MAX_FIRINGS);
			if (fired >= MAX_FIRINGS) {
				return blocked(id, "guardrail version " + version + " did not settle within " + MAX_FIRINGS
						+ " rule firings; an admin must fix it", version, now);
			}
		}
		catch (RuntimeException ex) {
			log.error("Guardrail version {} failed on intent {}", version, id, ex);
			return blocked(id, "guardrail version " + version + " failed (" + ex.getClass().getSimpleName()
					+ "); an admin must fix it", version, now);
		}
		finally {
			session.dispose();
		}
		List<String> reasons = intent.getReasons();
		if (intent.isBlocked()) {
			return new GuardrailVerdict(id, Outcome.BLOCKED, 0, reasons, version, now);
		}
		if (intent.getScale() < 1) {
			return new GuardrailVerdict(id, Outcome.SCALED, intent.getScale(), reasons, version, now);
		}
		return new GuardrailVerdict(id, Outcome.APPROVED, 1, reasons, version, now);
	}

	static GuardrailVerdict blocked(IntentId id, String reason, @Nullable Integer version, Instant now) {
		return new GuardrailVerdict(id, Outcome.BLOCKED, 0, List.of(reason), version, now);
	}

}
