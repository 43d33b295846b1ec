package com.yieldpilot.execution.internal;

import java.util.Locale;
import java.util.Optional;

import com.yieldpilot.execution.ExecutionBlocked;
import com.yieldpilot.execution.GuardrailVerdict;
import com.yieldpilot.execution.GuardrailVerdict.Outcome;
import com.yieldpilot.execution.internal.pipeline.ExecutionPipeline;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.IntentProposed;
import com.yieldpilot.rules.IntentStatus;
import com.yieldpilot.rules.RuleIntents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reviews each proposed intent with the active guardrails, stores the verdict under the
 * intent's id and settles the intent: blocked, or accepted (scaled, if so) and handed to
 * the execution pipeline, which plans, checks and simulates it, and for a live intent
 * signs and sends it. A redelivered event finds the verdict stored and reviews nothing
 * twice (the pipeline, its executions); an intent that waits for another is reviewed when
 * its turn comes.
 */
@Component
class GuardrailReviewer {

	private static final int MAX_REASON = 500;

	private static final Logger log = LoggerFactory.getLogger(GuardrailReviewer.class);

	private final RuleIntents intents;

	private final GuardrailEngine engine;

	private final GuardrailStore store;

	private final ApplicationEventPublisher events;

	private final ExecutionPipeline pipeline;

	GuardrailReviewer(RuleIntents intents, GuardrailEngine engine, GuardrailStore store,
			ApplicationEventPublisher events, ExecutionPipeline pipeline) {
		this.intents = intents;
		this.engine = engine;
		this.store = store;
		this.events = events;
		this.pipeline = pipeline;
	}

	@ApplicationModuleListener
	void on(IntentProposed event) {
		Optional<ActionIntent> found = this.intents.find(event.intent().id());
		if (found.isEmpty()) {
			return;
		}
		Optional<GuardrailVerdict> reviewed = this.store.verdict(event.intent().id());
		if (reviewed.isPresent()) {
			// redelivered: the pipeline finds its executions and starts nothing twice
			if (found.get().status() == IntentStatus.ACCEPTED && reviewed.get().outcome() != Outcome.BLOCKED) {
				this.pipeline.start(found.get(), reviewed.get().scale());
			}
			return;
		}
		if (found.get().status() != IntentStatus.PROPOSED) {
			return;
		}
		ActionIntent intent = found.get();
		GuardrailVerdict verdict = this.engine.review(intent);
		this.store.commitWithoutWaiting();
		if (!this.store.insert(verdict, intent.owner())) {
			return;
		}
		log.info("Guardrails {} intent {} of rule {}{}", verdict.outcome().name().toLowerCase(Locale.ROOT), intent.id(),
				intent.rule(), verdict.reasons().isEmpty() ? "" : ": " + verdict.summary());
		if (verdict.outcome() == Outcome.BLOCKED) {
			this.intents.settle(intent.id(), IntentStatus.BLOCKED,
					brief("blocked by the guardrails: " + verdict.summary()));
			this.events.publishEvent(new ExecutionBlocked(intent.id(), intent.owner(), verdict.reasons()));
			return;
		}
		this.intents.settle(intent.id(), IntentStatus.ACCEPTED, brief(accepted(verdict)));
		this.pipeline.start(this.intents.find(intent.id()).orElseThrow(), verdict.scale());
	}

	/**
	 * The rules module keeps reasons of up to 500 characters; the verdict keeps them all.
	 */
	private static String brief(String reason) {
		return (reason.length() <= MAX_REASON) ? reason : reason.substring(0, MAX_REASON - 1) + "…";
	}

	private static String accepted(GuardrailVerdict verdict) {
		String version = "guardrails v" + verdict.guardrailVersion();
		if (verdict.outcome() == Outcome.SCALED) {
			return String.format(Locale.ROOT, "passed the %s scaled to %.0f%%: %s", version, verdict.scale() * 100,
					verdict.summary());
		}
		return "passed the " + version;
	}

}
