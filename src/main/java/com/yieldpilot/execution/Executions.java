package com.yieldpilot.execution;

import java.util.List;
import java.util.Optional;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.IntentId;
import org.jspecify.annotations.Nullable;

/**
 * A farmer's executions and approvals inbox. Every method answers for the given farmer
 * only: another farmer's execution is not found.
 */
public interface Executions {

	/** The farmer's executions, newest first, in one state or all. */
	List<Execution> list(UserId owner, @Nullable ExecutionState state, int limit);

	Optional<Execution> find(UserId owner, ExecutionId id);

	/** The executions of one of the farmer's intents, in action order. */
	List<Execution> ofIntent(UserId owner, IntentId intent);

	/**
	 * Approves an execution waiting in the inbox; it runs at once.
	 * @throws java.util.NoSuchElementException when the farmer has no such execution
	 * @throws ApprovalRefusedException when the guardrails, looking at its intent again
	 * now, would block it: it still waits
	 * @throws IllegalStateException when it no longer waits for approval (expired,
	 * already decided)
	 */
	Execution approve(UserId owner, ExecutionId id);

	/**
	 * Rejects an execution waiting in the inbox; nothing moves.
	 * @throws java.util.NoSuchElementException when the farmer has no such execution
	 * @throws IllegalStateException when it no longer waits for approval
	 */
	Execution reject(UserId owner, ExecutionId id);

}
