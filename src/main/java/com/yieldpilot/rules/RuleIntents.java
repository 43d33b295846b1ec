package com.yieldpilot.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Action intents for the modules downstream of the rules: the guardrails and execution
 * read them and report where each one ends up. Settling an intent records the outcome in
 * the rule's trace and, when the intent is finished, lets the next intent waiting for the
 * same funds go.
 */
public interface RuleIntents {

	Optional<ActionIntent> find(IntentId id);

	/**
	 * The intents with these ids, read in one query: what a batch of executions needs.
	 * Ids of intents that no longer exist are missing from the answer.
	 */
	Map<IntentId, ActionIntent> findAll(Collection<IntentId> ids);

	/** The newest intents of all farmers, for admins' guardrail dry runs. */
	List<ActionIntent> recent(int limit);

	/**
	 * Moves the intent to a new status with a reason the farmer reads. Moving a finished
	 * intent again is refused; repeating the same move is a no-op.
	 * @throws IllegalStateException when the intent is already finished with another
	 * status
	 * @throws java.util.NoSuchElementException when there is no such intent
	 */
	ActionIntent settle(IntentId id, IntentStatus status, String reason);

	/**
	 * {@link #settle} for many intents in one transaction, the rows changed in one batch:
	 * either all of them move or, on an exception, none. Only intents that finish take
	 * their owner's shard lock (once per shard, in shard order), since only they free
	 * funds for a waiting intent; a move to {@code ACCEPTED} keeps the funds the intent
	 * held and so waits for no shard evaluation.
	 * @return the settled intents, in the order given
	 * @throws IllegalStateException when an intent is already finished with another
	 * status
	 * @throws java.util.NoSuchElementException when an intent does not exist
	 */
	List<ActionIntent> settleAll(List<Settlement> settlements);

	/** One intent's move for {@link #settleAll}. */
	record Settlement(IntentId id, IntentStatus status, String reason) {

		public Settlement {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(status, "status");
			Objects.requireNonNull(reason, "reason");
		}

	}

}
