package com.yieldpilot.execution.internal;

import java.time.Clock;
import java.util.List;

import com.yieldpilot.execution.GuardrailDryRun;
import com.yieldpilot.execution.GuardrailRejectedException;
import com.yieldpilot.execution.GuardrailSet;
import com.yieldpilot.execution.GuardrailStatus;
import com.yieldpilot.execution.GuardrailVerdict;
import com.yieldpilot.execution.KillSwitch;
import com.yieldpilot.rules.ActionIntent;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;

import org.springframework.stereotype.Component;

/**
 * Reviews intents with the active guardrail version. Each review reads the active version
 * from the database, so a version activated on any node is used by every node from its
 * next review on; the built KieBase is kept until the version changes.
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

	/** The verdict of the active version, with today's facts and the kill switch. */
	public GuardrailVerdict review(ActionIntent intent) {
		GuardrailStatus status = this.store.status();
		CompiledGuardrails guardrails = null;
		if (status.activeVersion() != null) {
			try {
				guardrails = compiled(status.activeVersion());
			}
			catch (GuardrailRejectedException ex) {
				return GuardrailRunner.blocked(intent.id(),
						"guardrail version " + status.activeVersion()
								+ " does not compile any more; an admin must fix it",
						status.activeVersion(), this.clock.instant());
			}
		}
		return GuardrailRunner.review(intent.id(), guardrails, this.facts.read(intent), status.killSwitch(),
				this.clock.instant());
	}

	/**
	 * What a built guardrail set would decide about each intent now, the kill switch
	 * aside.
	 */
	public List<GuardrailDryRun> dryRun(KieBase base, List<ActionIntent> intents) {
		CompiledGuardrails guardrails = new CompiledGuardrails(0, base);
		return intents.stream()
			.map(intent -> new GuardrailDryRun(intent,
					GuardrailRunner.review(intent.id(), guardrails, this.facts.read(intent), KillSwitch.OFF,
							this.clock.instant())))
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
