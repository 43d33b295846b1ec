package com.yieldpilot.execution.internal.pipeline;

import java.math.BigInteger;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.internal.db.tables.records.ExecutionTxRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record1;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.execution.internal.pipeline.Columns.ids;
import static com.yieldpilot.execution.internal.pipeline.Columns.now;
import static com.yieldpilot.execution.internal.pipeline.Columns.relaxedCommit;
import static com.yieldpilot.execution.internal.db.Tables.EXECUTION_TX;
import static com.yieldpilot.execution.internal.db.Tables.EXECUTOR_KEY;

/**
 * The executor's transactions on chain: each signing key's nonce sequence
 * ({@code executor_key}) and every signed attempt of each execution
 * ({@code execution_tx}), with its raw bytes and when it was last sent. Apart from
 * {@link ExecutionStore}, whose rows move through states under a lease and a fencing
 * token: these have no state and no fence of their own. The caller's transaction keeps
 * them safe instead (nonces are taken and their transactions saved in the commit that
 * moves the executions to SIGNED, a replacement in the one that records it), and once
 * saved, the bytes are only ever sent again, never changed.
 */
@Repository
class ChainTxStore {

	private final DSLContext dsl;

	private final Clock clock;

	ChainTxStore(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	/** Ensures the key's nonce sequence exists, starting at the chain's count. */
	void ensureKey(long chainId, String address, long chainNonce) {
		this.dsl.insertInto(EXECUTOR_KEY)
			.set(EXECUTOR_KEY.CHAIN_ID, chainId)
			.set(EXECUTOR_KEY.ADDRESS, address)
			.set(EXECUTOR_KEY.NEXT_NONCE, chainNonce)
			.set(EXECUTOR_KEY.CREATED_AT, now(this.clock))
			.set(EXECUTOR_KEY.UPDATED_AT, now(this.clock))
			.onConflictDoNothing()
			.execute();
	}

	/**
	 * Takes the key's next {@code count} nonces in one statement, under its row lock; the
	 * caller's transaction must save a signed transaction for every one of them and
	 * commit, or roll them all back.
	 * @return the first of them (the rest follow it without a gap), empty when the key
	 * has no sequence
	 */
	OptionalLong takeNonces(long chainId, String address, int count) {
		Record1<Long> next = this.dsl.update(EXECUTOR_KEY)
			.set(EXECUTOR_KEY.NEXT_NONCE, EXECUTOR_KEY.NEXT_NONCE.plus(count))
			.set(EXECUTOR_KEY.UPDATED_AT, now(this.clock))
			.where(EXECUTOR_KEY.CHAIN_ID.eq(chainId).and(EXECUTOR_KEY.ADDRESS.eq(address)))
			.returningResult(EXECUTOR_KEY.NEXT_NONCE)
			.fetchOne();
		return (next != null) ? OptionalLong.of(next.value1() - count) : OptionalLong.empty();
	}

	/** Saves one signed transaction, before anything sends it. */
	void saveAttempt(ExecutionId id, int attempt, String hash, String raw, BigInteger maxFee, BigInteger priorityFee) {
		this.dsl.insertInto(EXECUTION_TX)
			.set(EXECUTION_TX.EXECUTION_ID, id.value())
			.set(EXECUTION_TX.ATTEMPT, attempt)
			.set(EXECUTION_TX.TX_HASH, hash)
			.set(EXECUTION_TX.RAW_TX, raw)
			.set(EXECUTION_TX.MAX_FEE_WEI, maxFee)
			.set(EXECUTION_TX.MAX_PRIORITY_FEE_WEI, priorityFee)
			.set(EXECUTION_TX.SIGNED_AT, now(this.clock))
			.execute();
	}

	/** A signed transaction to save: {@link #saveAttempt}'s arguments. */
	record Attempt(ExecutionId id, int attempt, String hash, String raw, BigInteger maxFee, BigInteger priorityFee) {
	}

	/**
	 * {@link #saveAttempt} of many signed transactions in one statement, for the caller
	 * to run inside its transaction (the one that took their nonces).
	 */
	Query saveAttempts(List<Attempt> attempts) {
		if (attempts.isEmpty()) {
			throw new IllegalArgumentException("no attempt to save");
		}
		OffsetDateTime now = now(this.clock);
		var insert = this.dsl.insertInto(EXECUTION_TX, EXECUTION_TX.EXECUTION_ID, EXECUTION_TX.ATTEMPT,
				EXECUTION_TX.TX_HASH, EXECUTION_TX.RAW_TX, EXECUTION_TX.MAX_FEE_WEI, EXECUTION_TX.MAX_PRIORITY_FEE_WEI,
				EXECUTION_TX.SIGNED_AT);
		for (Attempt a : attempts) {
			insert = insert.values(a.id().value(), a.attempt(), a.hash(), a.raw(), a.maxFee(), a.priorityFee(), now);
		}
		return insert;
	}

	/** Each execution's newest saved attempt. */
	Map<ExecutionId, ExecutionTxRecord> latestAttempts(Collection<ExecutionId> ids) {
		Map<ExecutionId, ExecutionTxRecord> latest = new HashMap<>();
		this.dsl.selectFrom(EXECUTION_TX)
			.where(EXECUTION_TX.EXECUTION_ID.in(ids(ids)))
			.orderBy(EXECUTION_TX.ATTEMPT)
			.fetch()
			.forEach((r) -> latest.put(new ExecutionId(r.getExecutionId()), r));
		return latest;
	}

	List<ExecutionTxRecord> attempts(ExecutionId id) {
		return this.dsl.selectFrom(EXECUTION_TX)
			.where(EXECUTION_TX.EXECUTION_ID.eq(id.value()))
			.orderBy(EXECUTION_TX.ATTEMPT)
			.fetch();
	}

	/** Records a send of each transaction, as {@link #sent} does, in one statement. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void sentAll(Collection<String> hashes) {
		if (!hashes.isEmpty()) {
			recordSends(EXECUTION_TX.TX_HASH.in(hashes));
		}
	}

	/**
	 * Records a send of the transaction, in a commit not waited for: a send lost in a
	 * crash is only a count and a time one send behind.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void sent(String hash) {
		recordSends(EXECUTION_TX.TX_HASH.eq(hash));
	}

	// the relaxed commit and the update in one round trip
	private void recordSends(Condition which) {
		this.dsl
			.batch(relaxedCommit(this.dsl),
					this.dsl.update(EXECUTION_TX)
						.set(EXECUTION_TX.LAST_SENT_AT, now(this.clock))
						.set(EXECUTION_TX.SENDS, EXECUTION_TX.SENDS.plus(1))
						.where(which))
			.execute();
	}

}
