package com.yieldpilot.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.yieldpilot.execution.Execution;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.internal.ReviewCrashHook;
import com.yieldpilot.execution.internal.pipeline.ExecutionCrashHook;
import com.yieldpilot.execution.internal.pipeline.ExecutionReads;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.RuleIntents;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestComponent;

/**
 * The shared test node's crash hook: inert until a test arms it for a rule's executions.
 * Armed, it runs the test's action when an execution of that rule reaches a state; the
 * action may throw {@link Crash} to stop the node's work there, as a killed JVM would,
 * leaving the lease to run out and the real recovery path to finish the execution.
 */
@TestComponent
public class CrashPoints implements ExecutionCrashHook, ReviewCrashHook {

	/** Stops the node's work where it is thrown; nothing after it runs on this node. */
	public static final class Crash extends Error {

		public Crash(String where) {
			super("simulated crash " + where, null, false, false);
		}

	}

	private final Map<String, BiConsumer<ExecutionId, ExecutionState>> armed = new ConcurrentHashMap<>();

	private final Map<String, java.util.function.Consumer<ExecutionId>> armedSent = new ConcurrentHashMap<>();

	private final ObjectProvider<ExecutionReads> store;

	private volatile @Nullable Consumer<List<IntentId>> armedReview;

	public CrashPoints(ObjectProvider<ExecutionReads> store) {
		this.store = store;
	}

	/**
	 * Runs the action for the executions of the rule so named (tests make names unique).
	 */
	public void arm(String ruleName, BiConsumer<ExecutionId, ExecutionState> action) {
		this.armed.put(ruleName, action);
	}

	/** Runs the action after the node accepted the bytes, before the state is stored. */
	public void armSent(String ruleName, java.util.function.Consumer<ExecutionId> action) {
		this.armedSent.put(ruleName, action);
	}

	/**
	 * Runs the action inside each batch of reviews' transaction, after its intents are
	 * settled and before their executions are created, until disarmed.
	 */
	public void armReview(Consumer<List<IntentId>> action) {
		this.armedReview = action;
	}

	/**
	 * Arms the review to run {@code failure} (which throws) in every batch holding an
	 * intent of the rule so named, until disarmed.
	 */
	public void armReviewOf(RuleIntents intents, String ruleName, Runnable failure) {
		armReview((settled) -> {
			if (intents.findAll(settled).values().stream().anyMatch((i) -> i.ruleName().equals(ruleName))) {
				failure.run();
			}
		});
	}

	public void disarmReview() {
		this.armedReview = null;
	}

	@Override
	public void settled(List<IntentId> intents) {
		Consumer<List<IntentId>> action = this.armedReview;
		if (action != null) {
			action.accept(intents);
		}
	}

	public void disarm(String ruleName) {
		this.armed.remove(ruleName);
		this.armedSent.remove(ruleName);
	}

	private String rule(ExecutionId id) {
		if (this.armed.isEmpty() && this.armedSent.isEmpty()) {
			return "";
		}
		return this.store.getObject().find(id).map(Execution::ruleName).orElse("");
	}

	@Override
	public void reached(ExecutionId id, ExecutionState state) {
		BiConsumer<ExecutionId, ExecutionState> action = this.armed.get(rule(id));
		if (action != null) {
			action.accept(id, state);
		}
	}

	@Override
	public void sent(ExecutionId id) {
		java.util.function.Consumer<ExecutionId> action = this.armedSent.get(rule(id));
		if (action != null) {
			action.accept(id);
		}
	}

}
