package com.yieldpilot.execution.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.execution.GuardrailSet;
import com.yieldpilot.execution.GuardrailStatus;
import com.yieldpilot.execution.GuardrailVerdict;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.IntentId;
import org.jspecify.annotations.Nullable;

/** Guardrail versions, the status row (active version, kill switch) and verdicts. */
public interface GuardrailStore {

	Optional<GuardrailSet> find(int version);

	/** Versions, the newest first. */
	List<GuardrailSet> page(int offset, int limit);

	int count();

	/** The next free version number; call with the status row locked. */
	int nextVersion();

	boolean anyAdminVersion();

	void insert(GuardrailSet set);

	GuardrailStatus status();

	/**
	 * Locks the status row until the transaction ends, so loading at start, saving and
	 * activating happen one after another across nodes.
	 */
	GuardrailStatus lockStatus();

	@Nullable String shippedChecksum();

	void shippedChecksum(String checksum);

	/**
	 * Makes the version active if the active version is still the expected one.
	 * @return whether it changed
	 */
	boolean activate(int version, @Nullable Integer expected, @Nullable UserId by, Instant at);

	void killSwitch(boolean engaged, @Nullable String reason, UserId by, Instant at);

	Optional<GuardrailVerdict> verdict(IntentId intent);

	/** The stored verdicts of these intents, in one query. */
	Map<IntentId, GuardrailVerdict> verdicts(Collection<IntentId> intents);

	/**
	 * Stores a verdict unless the intent has one.
	 * @return whether this one was stored
	 */
	boolean insert(GuardrailVerdict verdict, UserId owner);

	/**
	 * Stores each verdict unless its intent has one, in one statement, rows in intent
	 * order (so two nodes storing overlapping batches wait for each other instead of
	 * deadlocking).
	 * @return the intents whose verdict this call stored
	 */
	Set<IntentId> insertAll(List<OwnedVerdict> verdicts);

	/** A verdict with the farmer whose intent it is. */
	record OwnedVerdict(GuardrailVerdict verdict, UserId owner) {
	}

	/**
	 * Lets the caller's transaction commit without waiting for the disk. For the review
	 * only: a review PostgreSQL loses in a crash is redone from the intent's publication,
	 * which committed durably before it, and signing flushes the log, so no transaction
	 * is signed on a review that is not on disk (decision 0017).
	 */
	void commitWithoutWaiting();

}
