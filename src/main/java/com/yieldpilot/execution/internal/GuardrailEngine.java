package com.yieldpilot.execution.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.yieldpilot.execution.GuardrailDryRun;
import com.yieldpilot.execution.GuardrailRejectedException;
import com.yieldpilot.execution.GuardrailSet;
import com.yieldpilot.execution.GuardrailStatus;
import com.yieldpilot.execution.GuardrailVerdict;
import com.yieldpilot.execution.KillSwitch;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.IntentId;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;

import org.springframework.stereotype.Component;

/**
 * Reviews intents with the active guardrail version. Each batch of reviews reads the
 * active version from the database, so a version activated on any node is used by every
 * node from its next batch on; the built KieBase is kept until the version changes.
 */
@Component
public class GuardrailEngine {

	private final GuardrailStore store;

	private final GuardrailCompiler compiler;

	private final GuardrailFactReader facts;

	private final Clock clock;

	private volatile @Nullable CompiledGuardrails current;

	GuardrailEngine(GuardrailStore store, GuardrailCompiler compiler, GuardrailFactReader facts, Clock clock) {
		this.store = store;
		this.compiler = compiler;
		this.facts = facts;
		this.clock = clock;
	}

	/**
	 * The verdicts of the active version on many intents: the status and version read
	 * once while the facts are read together ({@link GuardrailFactReader#readAll}), and a
	 * session of its own per intent, each owner's intents in the order they were
	 * proposed. An intent whose facts could not be read has no verdict in the answer.
	 */
	Map<IntentId, GuardrailVerdict> reviewAll(List<ActionIntent> intents) {
		return review(intents, true);
	}

	/**
	 * What the active version decides about the intent now, the kill switch aside (the
	 * pipeline checks it before anything is signed, and defers what it stops), storing
	 * nothing: for an approval that comes long after the intent's review, when the market
	 * may have moved. Empty when the intent's facts could not be read.
	 */
	public Optional<GuardrailVerdict> recheck(ActionIntent intent) {
		return Optional.ofNullable(review(List.of(intent), false).get(intent.id()));
	}

	private Map<IntentId, GuardrailVerdict> review(List<ActionIntent> intents, boolean withKillSwitch) {
		if (intents.isEmpty()) {
			return Map.of();
		}
		// the facts are read while the status is: neither waits for the other
		Map<IntentId, GuardrailFacts> facts;
		GuardrailStatus status;
		try (ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<Map<IntentId, GuardrailFacts>> factRead = reads.submit(() -> this.facts.readAll(intents));
			status = this.store.status();
			facts = GuardrailFactReader.join(factRead);
		}
		Instant now = this.clock.instant();
		CompiledGuardrails guardrails = null;
		if (status.activeVersion() != null) {
			try {
				guardrails = compiled(status.activeVersion());
			}
			catch (GuardrailRejectedException ex) {
				Map<IntentId, GuardrailVerdict> blocked = new LinkedHashMap<>();
				intents.forEach(intent -> blocked.put(intent.id(),
						GuardrailRunner.blocked(intent.id(),
								"guardrail version " + status.activeVersion()
										+ " does not compile any more; an admin must fix it",
								status.activeVersion(), now)));
				return blocked;
			}
		}
		Map<IntentId, GuardrailVerdict> verdicts = new LinkedHashMap<>();
		for (ActionIntent intent : inProposalOrder(intents)) {
			GuardrailFacts read = facts.get(intent.id());
			if (read != null) {
				verdicts.put(intent.id(), GuardrailRunner.review(intent.id(), guardrails, read,
						withKillSwitch ? status.killSwitch() : KillSwitch.OFF, now));
			}
		}
		return verdicts;
	}

	/**
	 * What a built guardrail set would decide about each intent now, the kill switch
	 * aside.
	 */
	public List<GuardrailDryRun> dryRun(KieBase base, List<ActionIntent> intents) {
		CompiledGuardrails guardrails = new CompiledGuardrails(0, base);
		Map<IntentId, GuardrailFacts> facts = this.facts.readAll(intents);
		Instant now = this.clock.instant();
		return intents.stream()
			.filter(intent -> facts.containsKey(intent.id()))
			.map(intent -> new GuardrailDryRun(intent,
					GuardrailRunner.review(intent.id(), guardrails, facts.get(intent.id()), KillSwitch.OFF, now)))
			.toList();
	}

	private static List<ActionIntent> inProposalOrder(List<ActionIntent> intents) {
		return intents.stream()
			.sorted(Comparator.comparing((ActionIntent i) -> i.owner().value())
				.thenComparing(ActionIntent::proposedAt)
				.thenComparing(i -> i.id().value()))
			.toList();
	}

	private CompiledGuardrails compiled(int version) {
		CompiledGuardrails built = this.current;
		if (built != null && built.version() == version) {
			return built;
		}
		synchronized (this) {
			built = this.current;
			if (built == null || built.version() != version) {
				GuardrailSet set = this.store.find(version)
					.orElseThrow(() -> new IllegalStateException(
							"The active guardrail version " + version + " is not stored"));
				built = new CompiledGuardrails(version, this.compiler.compile(set.files()));
				this.current = built;
			}
			return built;
		}
	}

}
